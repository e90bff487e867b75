namespace SafetyReports.Triage.TransparencyLog;

/// <summary>
/// An append-only RFC 6962 Merkle tree over leaf hashes, in memory. Besides the leaves it keeps the hash of every complete
/// subtree as it completes (level <c>k</c>, position <c>i</c>: the leaves from <c>i·2^k</c> to <c>(i+1)·2^k</c>), about twice
/// the leaves' memory. RFC 6962's recursion only ever splits a range into a complete, aligned left subtree and the rest,
/// so the root of any size and every proof need O(log n) stored hashes and O(log n) new ones: no leaf is re-hashed.
/// Not thread-safe; <see cref="AuditLogTree"/> guards it.
/// </summary>
public sealed class MerkleTree
{
    private readonly List<List<byte[]>> _levels = [[]];

    public long Size => _levels[0].Count;

    public void Append(byte[] leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException("A leaf hash is 32 bytes.", nameof(leafHash));
        }

        _levels[0].Add(leafHash);
        var level = 0;
        // A right child completes its parent: hash the pair and carry up while the new node is itself a right child.
        while (_levels[level].Count % 2 == 0)
        {
            var nodes = _levels[level];
            if (_levels.Count == level + 1)
            {
                _levels.Add([]);
            }

            _levels[level + 1].Add(MerkleHash.Node(nodes[^2], nodes[^1]));
            level++;
        }
    }

    public byte[] LeafHash(long index) => _levels[0][checked((int)index)];

    /// <summary>MTH(D[0:size]), the root of the tree as it was at <paramref name="size"/> leaves.</summary>
    public byte[] RootHash(long size)
    {
        CheckSize(size);
        return size == 0 ? MerkleHash.Empty() : Range(0, size);
    }

    /// <summary>PATH(index, D[0:size]) of RFC 6962 section 2.1.1: the audit path of leaf <paramref name="index"/> in the tree of <paramref name="size"/>.</summary>
    public IReadOnlyList<byte[]> InclusionProof(long index, long size)
    {
        CheckSize(size);
        if (index < 0 || index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), "The leaf must be inside the tree.");
        }

        var proof = new List<byte[]>();
        Path(index, 0, size, proof);
        return proof;
    }

    /// <summary>PROOF(first, D[0:second]) of RFC 6962 section 2.1.2: that the tree of <paramref name="first"/> leaves is a prefix of the one of <paramref name="second"/>.</summary>
    public IReadOnlyList<byte[]> ConsistencyProof(long first, long second)
    {
        CheckSize(second);
        if (first < 1 || first > second)
        {
            throw new ArgumentOutOfRangeException(nameof(first), "The older size must be from 1 to the newer one.");
        }

        var proof = new List<byte[]>();
        if (first < second)
        {
            SubProof(first, 0, second, true, proof);
        }

        return proof;
    }

    private void CheckSize(long size)
    {
        if (size < 0 || size > Size)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"The tree has {Size} leaves.");
        }
    }

    // Leaves are added from the bottom of the recursion up, so the proof lists the siblings leaf first.
    private void Path(long index, long lo, long hi, List<byte[]> proof)
    {
        var n = hi - lo;
        if (n == 1)
        {
            return;
        }

        var k = MerkleHash.Split(n);
        if (index < k)
        {
            Path(index, lo, lo + k, proof);
            proof.Add(Range(lo + k, hi));
        }
        else
        {
            Path(index - k, lo + k, hi, proof);
            proof.Add(Range(lo, lo + k));
        }
    }

    private void SubProof(long m, long lo, long hi, bool complete, List<byte[]> proof)
    {
        var n = hi - lo;
        if (m == n)
        {
            if (!complete)
            {
                proof.Add(Range(lo, hi));
            }

            return;
        }

        var k = MerkleHash.Split(n);
        if (m <= k)
        {
            SubProof(m, lo, lo + k, complete, proof);
            proof.Add(Range(lo + k, hi));
        }
        else
        {
            SubProof(m - k, lo + k, hi, false, proof);
            proof.Add(Range(lo, lo + k));
        }
    }

    /// <summary>MTH(D[lo:hi]) for a non-empty range that RFC 6962's recursion reaches (its start aligned to its split).</summary>
    private byte[] Range(long lo, long hi)
    {
        var n = hi - lo;
        if ((n & (n - 1)) == 0 && lo % n == 0)
        {
            var level = long.TrailingZeroCount(n);
            return _levels[(int)level][checked((int)(lo >> (int)level))];
        }

        var k = MerkleHash.Split(n);
        return MerkleHash.Node(Range(lo, lo + k), Range(lo + k, hi));
    }
}
