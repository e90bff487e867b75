namespace SafetyReports.Triage.Domain;

/// <summary>
/// When a report's reporter contact is due for purging: a set time after the report was closed. Reopening
/// a report clears its close time, so the retention counts again from the next close.
/// </summary>
public static class ContactRetention
{
    public static readonly IReadOnlySet<string> ClosedStatuses =
        new HashSet<string>(StringComparer.Ordinal) { ReportStatuses.Resolved, ReportStatuses.Rejected, ReportStatuses.Duplicate };

    /// <summary>The report's close time after a move to <paramref name="to"/> at <paramref name="now"/>.</summary>
    public static DateTimeOffset? ClosedAt(Report report, string to, DateTimeOffset now) =>
        !ClosedStatuses.Contains(to) ? null
        : ClosedStatuses.Contains(report.Status) ? report.ClosedAt ?? now
        : now;

    /// <summary>What the stores index: the close time of a closed report that still has contact data, else null.</summary>
    public static DateTimeOffset? PurgeKey(Report report) =>
        report.ClosedAt is { } closed && ClosedStatuses.Contains(report.Status) && (report.ProtectedContact is not null || report.ContactAllowed)
            ? closed
            : null;

    /// <summary>Whether the contact must go now: closed before <c>now - retention</c>, and there is contact left.</summary>
    public static bool IsDue(Report report, DateTimeOffset now, TimeSpan retention) =>
        PurgeKey(report) is { } closed && closed < now - retention;
}
