namespace SafetyReports.Triage.TransparencyLog;

/// <summary>An inclusion proof: the leaf's hash and the audit path, leaf side first, every hash in base64.</summary>
public sealed record InclusionProofView(long Index, long Size, string LeafHash, IReadOnlyList<string> Hashes);

/// <summary>A consistency proof between two sizes of the log, every hash in base64.</summary>
public sealed record ConsistencyProofView(long First, long Second, IReadOnlyList<string> Hashes);

/// <summary>A page of public leaves; <see cref="Next"/> is the start of the next page, null at the end of what was asked.</summary>
public sealed record LeavesView(long Size, IReadOnlyList<LeafView> Leaves, long? Next);

/// <summary>A leaf's public fields and its hash (RFC 6962: SHA-256 of 0x00 and the leaf's data).</summary>
public sealed record LeafView(long Index, long Sequence, Guid ReportId, string Action, DateTimeOffset At, string EntryHash, string LeafHash)
{
    public static LeafView Of(LogLeaf leaf) =>
        new(leaf.Index, leaf.Sequence, leaf.ReportId, leaf.Action, leaf.At, leaf.EntryHash, Convert.ToBase64String(leaf.Hash()));
}
