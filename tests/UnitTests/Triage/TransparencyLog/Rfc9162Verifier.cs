using System.Security.Cryptography;

namespace SafetyReports.UnitTests.Triage.TransparencyLog;

/// <summary>
/// A verifier written here from RFC 9162 (sections 2.1.3.2 and 2.1.4.2) with its own hashing, on purpose not the
/// production code: the tests hold the log's proofs to what any third-party client of the RFC checks.
/// </summary>
public static class Rfc9162Verifier
{
    public static byte[] HashLeaf(byte[] data) => SHA256.HashData([0x00, .. data]);

    private static byte[] HashChildren(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);

    private static bool Lsb(long x) => (x & 1) == 1;

    public static bool VerifyInclusion(long leafIndex, long treeSize, byte[] hash, IReadOnlyList<byte[]> inclusionPath, byte[] rootHash)
    {
        // 1. Compare leaf_index from the inclusion_proof input against tree_size. If leaf_index is greater than or equal to tree_size, then fail.
        if (leafIndex >= treeSize)
        {
            return false;
        }

        // 2. Set fn to leaf_index and sn to tree_size - 1.  3. Set r to hash.
        long fn = leafIndex, sn = treeSize - 1;
        var r = hash;
        // 4. For each value p in the inclusion_path array:
        foreach (var p in inclusionPath)
        {
            // a. If sn is 0, then stop the iteration and fail the proof verification.
            if (sn == 0)
            {
                return false;
            }

            // b. If LSB(fn) is set, or if fn is equal to sn, then:
            if (Lsb(fn) || fn == sn)
            {
                r = HashChildren(p, r);
                // If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or fn is 0.
                while (!Lsb(fn) && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = HashChildren(r, p);
            }

            // c. Finally, right-shift both fn and sn one time.
            fn >>= 1;
            sn >>= 1;
        }

        // 5. Compare r against the root_hash and sn to 0.
        return sn == 0 && r.SequenceEqual(rootHash);
    }

    public static bool VerifyConsistency(long firstSize, long secondSize, byte[] firstHash, byte[] secondHash, IReadOnlyList<byte[]> consistencyPath)
    {
        if (firstSize == secondSize)
        {
            return consistencyPath.Count == 0 && firstHash.SequenceEqual(secondHash);
        }

        if (firstSize < 1 || firstSize > secondSize)
        {
            return false;
        }

        // 1. If consistency_path is an empty array, stop and fail the proof verification.
        if (consistencyPath.Count == 0)
        {
            return false;
        }

        // 2. If first is an exact power of 2, then prepend first_hash to the consistency_path array.
        var path = (firstSize & (firstSize - 1)) == 0 ? new List<byte[]> { firstHash }.Concat(consistencyPath).ToList() : consistencyPath.ToList();
        // 3. Set fn to first - 1 and sn to second - 1.
        long fn = firstSize - 1, sn = secondSize - 1;
        // 4. If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set.
        while (Lsb(fn))
        {
            fn >>= 1;
            sn >>= 1;
        }

        // 5. Set both fr and sr to the first value in the consistency_path array.
        byte[] fr = path[0], sr = path[0];
        // 6. For each subsequent value c in the consistency_path array:
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if (Lsb(fn) || fn == sn)
            {
                fr = HashChildren(c, fr);
                sr = HashChildren(c, sr);
                while (!Lsb(fn) && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = HashChildren(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        // 7. After completing iterating through the consistency_path array as described above, verify that the fr calculated is
        // equal to the first_hash supplied, that the sr calculated is equal to the second_hash supplied, and that sn is 0.
        return fr.SequenceEqual(firstHash) && sr.SequenceEqual(secondHash) && sn == 0;
    }
}
