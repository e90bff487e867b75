namespace SafetyReports.Triage.Disclosure;

/// <summary>
/// The public, redacted record of a report its host left unanswered past the deadline: which model, what kind
/// of harm, how severe, when, and what the host did — never the reporter, the title, the description or the evidence.
/// </summary>
public sealed record DisclosureEntry(
    Guid ReportId,
    DisclosedModel Model,
    string Category,
    string? Severity,
    DateTimeOffset ReceivedOn,
    DateTimeOffset TriagedAt,
    DateTimeOffset Deadline,
    DateTimeOffset DisclosedAt,
    DateTimeOffset? HostNotifiedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? RespondedAt,
    string HostSilence)
{
    public const string NeverToldNoSubscription = "not_reachable";
    public const string NoAcknowledgementNoResponse = "no_acknowledgement_no_response";
    public const string AcknowledgedNoResponse = "acknowledged_no_response";
    public const string RespondedAfterDeadline = "responded_after_deadline";

    public static DisclosureEntry From(Report report)
    {
        var triaged = report.TriagedAt ?? throw new InvalidOperationException("Only a triaged report is disclosed.");
        var silence = report.RespondedAt is not null ? RespondedAfterDeadline
            : report.AcknowledgedAt is not null ? AcknowledgedNoResponse
            : report.HostNotifiedAt is not null ? NoAcknowledgementNoResponse
            : NeverToldNoSubscription;
        return new DisclosureEntry(
            report.Id,
            new DisclosedModel(report.Model.Host, report.Model.Id),
            report.Category,
            report.Severity,
            // The day only: the exact time of a submission is the reporter's, not the host's.
            new DateTimeOffset(report.ReceivedAt.UtcDateTime.Date, TimeSpan.Zero),
            triaged,
            report.DisclosureDueAt ?? throw new InvalidOperationException("The report was never reminded about."),
            report.DisclosedAt ?? throw new InvalidOperationException("The report is not disclosed."),
            report.HostNotifiedAt,
            report.AcknowledgedAt,
            report.RespondedAt,
            silence);
    }
}

public sealed record DisclosedModel(string Host, string Id);
