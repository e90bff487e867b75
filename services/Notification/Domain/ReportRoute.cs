namespace SafetyReports.Notification.Domain;

/// <summary>
/// A report Notification has told a host about; the host API answers only for these. The route keeps
/// what the host may see of the report (<paramref name="Summary"/>) and what the host did about it.
/// </summary>
/// <param name="Summary">The report as its latest status event described it; null on routes stored before summaries existed.</param>
/// <param name="Response">The host's latest statement of reasons.</param>
/// <param name="RespondedAt">When the host first responded (later revisions keep it).</param>
/// <param name="ResponseRevision">How many different responses the host gave; 0 before the first.</param>
/// <param name="ResponseUpdatedAt">When the latest revision was recorded.</param>
/// <param name="LastRemindedAt">When the last reminder was planned; null before the first.</param>
/// <param name="RemindersSent">How many reminders were planned.</param>
/// <param name="Via">How the report reached this host (<see cref="RouteVia"/>): the report names it, or a copy of the model was found here.</param>
public sealed record ReportRoute(
    Guid ReportId,
    string HostId,
    string ModelId,
    DateTimeOffset FirstEventAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgementNote,
    ReportSummary? Summary = null,
    HostResponse? Response = null,
    DateTimeOffset? RespondedAt = null,
    int ResponseRevision = 0,
    DateTimeOffset? ResponseUpdatedAt = null,
    DateTimeOffset? LastRemindedAt = null,
    int RemindersSent = 0,
    string Via = RouteVia.Report)
{
    /// <summary>A route's key: a report reaches each host once.</summary>
    public Guid Id => RouteIds.For(ReportId, HostId);
}
