namespace SafetyReports.Notification.Domain;

/// <summary>
/// Where a host finds its part in a report in the public log: the leaves of <c>host_notified</c>, of its acknowledgement and
/// of its first response; null until Triage has recorded that step (or told Notification so).
/// </summary>
public sealed record HostLogLeaves(long? HostNotified, long? Acknowledged, long? Responded)
{
    public static HostLogLeaves None { get; } = new(null, null, null);

    /// <summary>The leaves of <paramref name="hostId"/>'s part in <paramref name="reportId"/>; another host's leaves and unknown actions are left out.</summary>
    public static HostLogLeaves Of(Guid reportId, string hostId, IEnumerable<HostLogLeaf> leaves)
    {
        var own = leaves.Where(l => l.ReportId == reportId && l.HostId == hostId).ToList();
        long? Leaf(string action) => own.FirstOrDefault(l => l.Action == action)?.LeafIndex;
        return new HostLogLeaves(
            Leaf(AuditLeafRecorded.Actions.HostNotified), Leaf(AuditLeafRecorded.Actions.HostAcknowledged), Leaf(AuditLeafRecorded.Actions.HostResponded));
    }
}
