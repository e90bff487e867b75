namespace SafetyReports.Notification.Domain;

/// <summary>
/// A host is reminded of a report it was told about every <c>interval</c> until it acknowledges
/// (or responds, which acknowledges); reports closed meanwhile (resolved, rejected, duplicate) need nothing more.
/// </summary>
public static class ReminderRule
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromDays(7);

    /// <summary>When the host was last told about the report: the first event or the last reminder.</summary>
    public static DateTimeOffset LastContact(ReportRoute route) => route.LastRemindedAt ?? route.FirstEventAt;

    public static bool IsDue(ReportRoute route, DateTimeOffset now, TimeSpan interval) =>
        route.AcknowledgedAt is null
        && route.Summary is not { IsClosed: true }
        && now - LastContact(route) >= interval;
}
