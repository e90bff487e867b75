namespace SafetyReports.Contracts;

/// <summary>
/// Triage appended an audit entry about a host's part in a report to the public transparency log: leaf
/// <paramref name="LeafIndex"/> (<c>GET /api/v1/transparency/log/proof/inclusion?index=…</c>). Written to Triage's outbox in the
/// transaction that appends the entry, so the index is the entry's for good; a redelivery carries the same index.
/// </summary>
/// <param name="Action">One of <see cref="Actions"/>: the audit entry's action.</param>
public sealed record AuditLeafRecorded(Guid ReportId, string HostId, string Action, long LeafIndex, DateTimeOffset RecordedAt)
{
    /// <summary>The audit actions announced: the host was notified, acknowledged, gave its first statement of reasons.</summary>
    public static class Actions
    {
        public const string HostNotified = "host_notified";
        public const string HostAcknowledged = "host_acknowledged";
        public const string HostResponded = "host_responded";

        public static IReadOnlyList<string> All { get; } = [HostNotified, HostAcknowledged, HostResponded];
    }
}
