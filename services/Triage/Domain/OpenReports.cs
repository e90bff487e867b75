namespace SafetyReports.Triage.Domain;

/// <summary>
/// The queue's <c>status=open</c>: every report not closed (resolved, rejected, duplicate), whoever it waits on —
/// maintainers, the reporter or the host. Wider than the SLA's "open for triage" (<see cref="SlaPolicy.OpenStatuses"/>).
/// </summary>
public static class OpenReports
{
    public const string StatusFilter = "open";

    public static readonly IReadOnlyList<string> Statuses = [.. ReportStatuses.All.Where(s => !ContactRetention.ClosedStatuses.Contains(s))];
}
