using System.Security.Cryptography;

namespace SafetyReports.Triage.TransparencyLog;

/// <summary>
/// The hashes of RFC 6962 / RFC 9162 section 2.1.1, so any third-party verifier checks this log: SHA-256, a leaf
/// hashed with the prefix 0x00 and an inner node with 0x01 (a leaf can never pass for a node), the empty tree the hash
/// of nothing.
/// </summary>
public static class MerkleHash
{
    public const int Size = 32;

    public static byte[] Empty() => SHA256.HashData([]);

    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        var input = new byte[data.Length + 1];
        data.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + (2 * Size)];
        input[0] = 1;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + Size)..]);
        return SHA256.HashData(input);
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n at least 2): where RFC 6962 splits a tree.</summary>
    public static long Split(long n) => 1L << (63 - (int)long.LeadingZeroCount(n - 1));
}
