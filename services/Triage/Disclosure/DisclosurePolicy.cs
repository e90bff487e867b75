namespace SafetyReports.Triage.Disclosure;

public enum DisclosureStep
{
    None,
    Remind,
    Disclose,
}

/// <summary>
/// The disclosure policy. The clock starts when a maintainer triages a report; it stops for good when the
/// host responds (a statement of reasons: acknowledging is not an answer) or when the report is rejected
/// or marked a duplicate (it was not a valid report). Resolving it does not stop the clock: a report closed
/// without a word from the host is still the host's silence. A disclosed report stays disclosed.
/// The host is always reminded first and always gets the full reminder period: a report already past its
/// deadline when the policy is turned on is disclosed <see cref="DisclosureOptions.ReminderBefore"/> after its reminder.
/// </summary>
public static class DisclosurePolicy
{
    public const string RemindAction = "disclosure_reminder";
    public const string DiscloseAction = "disclosed";

    /// <summary>What the stores index: the triage time of a report still waiting for its host's response and not yet disclosed.</summary>
    public static DateTimeOffset? UnansweredSince(Report report) =>
        report is { TriagedAt: { } triaged, RespondedAt: null, DisclosedAt: null }
        && report.Status is not (ReportStatuses.Rejected or ReportStatuses.Duplicate)
            ? triaged
            : null;

    public static DisclosureStep Step(Report report, DateTimeOffset now, DisclosureOptions options)
    {
        if (options.After is not { } after || UnansweredSince(report) is not { } since)
        {
            return DisclosureStep.None;
        }

        if (report.DisclosureDueAt is not { } due)
        {
            return now >= since + after - options.ReminderBefore ? DisclosureStep.Remind : DisclosureStep.None;
        }

        return now >= due ? DisclosureStep.Disclose : DisclosureStep.None;
    }

    /// <summary>The deadline, or the end of the reminder period when the reminder went out late.</summary>
    public static DateTimeOffset DisclosesAt(DateTimeOffset triagedAt, TimeSpan after, DateTimeOffset remindedAt, TimeSpan reminderBefore) =>
        triagedAt + after > remindedAt + reminderBefore ? triagedAt + after : remindedAt + reminderBefore;

    public static (Report Report, AuditDraft Audit, ReportDisclosurePending Event) Remind(Report report, DateTimeOffset now, DisclosureOptions options)
    {
        var triaged = report.TriagedAt ?? throw new InvalidOperationException("Only a triaged report is reminded about.");
        var disclosesAt = DisclosesAt(triaged, options.After!.Value, now, options.ReminderBefore);
        var updated = report with { Version = report.Version + 1, UpdatedAt = now, DisclosureRemindedAt = now, DisclosureDueAt = disclosesAt };
        var data = JsonSerializer.Serialize(new { hostId = report.Model.Host, triagedAt = triaged, disclosesAt });
        return (updated, new AuditDraft(report.Id, now, SystemMoves.SystemActor, RemindAction, data),
            new ReportDisclosurePending(report.Id, report.Model, triaged, disclosesAt, now));
    }

    public static (Report Report, AuditDraft Audit) Disclose(Report report, DateTimeOffset now)
    {
        var triaged = report.TriagedAt ?? throw new InvalidOperationException("Only a triaged report is disclosed.");
        var updated = report with { Version = report.Version + 1, UpdatedAt = now, DisclosedAt = now };
        var entry = DisclosureEntry.From(updated);
        var data = JsonSerializer.Serialize(new
        {
            model = new { host = entry.Model.Host, id = entry.Model.Id },
            entry.Category,
            entry.Severity,
            triagedAt = triaged,
            entry.Deadline,
            entry.HostNotifiedAt,
            entry.AcknowledgedAt,
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return (updated, new AuditDraft(report.Id, now, SystemMoves.SystemActor, DiscloseAction, data));
    }
}
