namespace SafetyReports.Triage.Domain;

/// <summary>
/// The triage deadline of a report: received time plus the SLA of its severity. A report is overdue when
/// the deadline has passed while it is still open for triage (received, triaging, needs_info).
/// </summary>
public sealed class SlaPolicy(SlaOptions options, TimeProvider clock)
{
    /// <summary>The statuses in which a report still waits on maintainers' triage.</summary>
    public static readonly IReadOnlyList<string> OpenStatuses = [ReportStatuses.Received, ReportStatuses.Triaging, ReportStatuses.NeedsInfo];

    public SlaOptions Options => options;

    public static bool IsOpen(string status) => OpenStatuses.Contains(status);

    public static DateTimeOffset Deadline(SlaOptions options, DateTimeOffset receivedAt, string? severity) => receivedAt + options.For(severity);

    public DateTimeOffset Deadline(Report report) => Deadline(options, report.ReceivedAt, report.Severity);

    public bool IsOverdue(Report report) => IsOpen(report.Status) && clock.GetUtcNow() > Deadline(report);
}
