namespace SafetyReports.Triage.TransparencyLog;

/// <summary>
/// What an audit entry shows the public: its place in the chain, the report it is about, what happened and when, and the
/// entry's chain hash, which commits to everything else (the actor, the entry's data, the link to the entry before)
/// without showing it. Leaf <c>n</c> is audit entry <c>n + 1</c> (the chain counts from 1, the tree from 0). The leaf's bytes
/// are lines of text, so a verifier in any language rebuilds them from the public fields (docs/transparency.md).
/// </summary>
public sealed record LogLeaf(long Index, Guid ReportId, string Action, DateTimeOffset At, string EntryHash)
{
    public const string Prefix = "safetyreports/audit-leaf/v1";

    public long Sequence => Index + 1;

    public static LogLeaf Of(AuditEntry entry) =>
        new(entry.Sequence - 1, entry.ReportId, entry.Action, AuditChain.Truncate(entry.At), entry.Hash);

    /// <summary>The leaf's data: <c>prefix, sequence, report id, action, time (Unix ms), entry hash</c>, each line ended by a line feed.</summary>
    public byte[] Data() => Encoding.UTF8.GetBytes(string.Join("", new[]
    {
        Prefix,
        Sequence.ToString(CultureInfo.InvariantCulture),
        ReportId.ToString("D"),
        Action,
        At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        EntryHash,
    }.Select(line => line + "\n")));

    public byte[] Hash() => MerkleHash.Leaf(Data());

    public static byte[] HashOf(AuditEntry entry) => Of(entry).Hash();
}
