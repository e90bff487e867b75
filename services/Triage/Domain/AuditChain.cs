using System.Security.Cryptography;

namespace SafetyReports.Triage.Domain;

/// <summary>
/// The audit log is one hash chain over every report: each entry's hash covers its fields and the
/// previous entry's hash, so editing, inserting, reordering or deleting an entry breaks the chain
/// from that point on. Timestamps are hashed as Unix milliseconds, the precision both stores keep.
/// </summary>
public static class AuditChain
{
    public static readonly string GenesisHash = new('0', 64);

    public static AuditEntry Link(AuditDraft draft, long sequence, string previousHash)
    {
        var entry = new AuditEntry(sequence, draft.ReportId, Truncate(draft.At), draft.Actor, draft.Action, draft.Data, previousHash, "");
        return entry with { Hash = ComputeHash(entry) };
    }

    public static string ComputeHash(AuditEntry entry)
    {
        // Length-prefixed fields: no value can be shifted into its neighbour without changing the hash.
        var builder = new StringBuilder();
        foreach (var field in new[]
                 {
                     entry.Sequence.ToString(CultureInfo.InvariantCulture),
                     entry.ReportId.ToString("D"),
                     entry.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                     entry.Actor,
                     entry.Action,
                     entry.Data,
                     entry.PreviousHash,
                 })
        {
            builder.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    public static DateTimeOffset Truncate(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
}
