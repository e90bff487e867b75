namespace SafetyReports.Portal.Dashboard;

/// <param name="Acknowledged">Within the SLA or late.</param>
/// <param name="Overdue">Past the SLA and still unacknowledged.</param>
/// <param name="Pending">Unacknowledged, still inside the SLA.</param>
public sealed record SilentHost(string Host, long Notified, long Acknowledged, long Overdue, long Pending)
{
    public bool NeverAcknowledged => Acknowledged == 0;
}

/// <summary>
/// The hosts the dashboard calls out: notified and never acknowledged anything, or with acknowledgements past the
/// SLA. Those that never answered come first, then the most overdue; a host that answers everything in time is not listed.
/// </summary>
public static class HostSilence
{
    public static IReadOnlyList<SilentHost> Of(IEnumerable<HostAccountability> hosts) => hosts
        .Select(h => new SilentHost(
            h.Host,
            h.Acknowledgement.Notified ?? 0,
            (h.Acknowledgement.WithinSla ?? 0) + (h.Acknowledgement.Late ?? 0),
            h.Acknowledgement.Overdue ?? 0,
            h.Acknowledgement.Pending ?? 0))
        .Where(h => h.Notified > 0 && (h.NeverAcknowledged || h.Overdue > 0))
        .OrderByDescending(h => h.NeverAcknowledged)
        .ThenByDescending(h => h.Overdue)
        .ThenByDescending(h => h.Notified)
        .ThenBy(h => h.Host, StringComparer.Ordinal)
        .ToList();
}
