namespace SafetyReports.Notification.Domain;

/// <summary>
/// A leaf of the public transparency log that records a host's part in a report (Triage's <see cref="AuditLeafRecorded"/>):
/// kept once per report, host and action; the index of an action's leaf never changes, so a repeated message writes nothing new.
/// </summary>
public sealed record HostLogLeaf(Guid ReportId, string HostId, string Action, long LeafIndex)
{
    public static HostLogLeaf From(AuditLeafRecorded recorded) => new(recorded.ReportId, recorded.HostId, recorded.Action, recorded.LeafIndex);
}
