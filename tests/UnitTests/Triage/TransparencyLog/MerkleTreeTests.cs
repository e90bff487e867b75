using System.Text;
using System.Diagnostics;
using System.Security.Cryptography;
using SafetyReports.Triage.TransparencyLog;

namespace SafetyReports.UnitTests.Triage.TransparencyLog;

public class MerkleTreeTests
{
    // The RFC 6962 test leaves and roots used by Certificate Transparency's implementations.
    private static readonly string[] VectorLeaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    private static readonly string[] VectorRoots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    private static MerkleTree Tree(int size, int seed = 0)
    {
        var tree = new MerkleTree();
        for (var i = 0; i < size; i++)
        {
            tree.Append(Rfc9162Verifier.HashLeaf(Encoding.UTF8.GetBytes($"leaf {seed}:{i}")));
        }

        return tree;
    }

    [Fact]
    public void The_empty_tree_hashes_to_the_SHA256_of_nothing()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(new MerkleTree().RootHash(0)));
    }

    [Fact]
    public void Roots_match_the_RFC_6962_test_vectors_at_every_size()
    {
        var tree = new MerkleTree();
        foreach (var (leaf, root) in VectorLeaves.Zip(VectorRoots))
        {
            tree.Append(MerkleHash.Leaf(Convert.FromHexString(leaf)));
            Assert.Equal(root, Convert.ToHexStringLower(tree.RootHash(tree.Size)));
        }

        // An older size is still answered from the grown tree.
        Assert.Equal(VectorRoots[2], Convert.ToHexStringLower(tree.RootHash(3)));
    }

    [Fact]
    public void The_inclusion_proof_of_the_first_vector_leaf_is_the_published_one()
    {
        var tree = new MerkleTree();
        foreach (var leaf in VectorLeaves)
        {
            tree.Append(MerkleHash.Leaf(Convert.FromHexString(leaf)));
        }

        Assert.Equal(
            ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
             "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"],
            tree.InclusionProof(0, 8).Select(Convert.ToHexStringLower));
    }

    [Fact]
    public void Every_inclusion_and_consistency_proof_up_to_40_leaves_passes_the_independent_verifier()
    {
        var tree = Tree(40);
        for (var size = 1L; size <= tree.Size; size++)
        {
            var root = tree.RootHash(size);
            for (var index = 0L; index < size; index++)
            {
                Assert.True(Rfc9162Verifier.VerifyInclusion(index, size, tree.LeafHash(index), tree.InclusionProof(index, size), root), $"leaf {index} in {size}");
                Assert.True(MerkleProofs.VerifyInclusion(index, size, tree.LeafHash(index), tree.InclusionProof(index, size), root));
            }

            for (var first = 1L; first <= size; first++)
            {
                var proof = tree.ConsistencyProof(first, size);
                Assert.True(Rfc9162Verifier.VerifyConsistency(first, size, tree.RootHash(first), root, proof), $"{first} to {size}");
                Assert.True(MerkleProofs.VerifyConsistency(first, size, tree.RootHash(first), root, proof));
            }
        }
    }

    [Fact]
    public void A_rewritten_leaf_fails_inclusion_and_consistency_with_the_checkpoint_before()
    {
        var honest = Tree(20);
        var forked = new MerkleTree();
        for (var i = 0; i < 25; i++)
        {
            // The same history except entry 7, rewritten; then five more.
            forked.Append(i == 7 ? Rfc9162Verifier.HashLeaf("rewritten"u8.ToArray()) : i < 20 ? honest.LeafHash(i) : Rfc9162Verifier.HashLeaf([(byte)i]));
        }

        var savedRoot = honest.RootHash(20);
        Assert.False(Rfc9162Verifier.VerifyConsistency(20, 25, savedRoot, forked.RootHash(25), forked.ConsistencyProof(20, 25)));
        Assert.False(MerkleProofs.VerifyConsistency(20, 25, savedRoot, forked.RootHash(25), forked.ConsistencyProof(20, 25)));
        Assert.False(Rfc9162Verifier.VerifyInclusion(7, 20, honest.LeafHash(7), forked.InclusionProof(7, 20), forked.RootHash(20)));
    }

    [Fact]
    public void A_truncated_log_cannot_prove_it_extends_the_checkpoint_it_lost()
    {
        var full = Tree(30);
        var truncated = Tree(22);
        var savedRoot = full.RootHash(30);
        // Nothing the truncated log can offer links its smaller tree to the saved one; and a later regrowth differs.
        Assert.False(Rfc9162Verifier.VerifyConsistency(30, 22, savedRoot, truncated.RootHash(22), []));
        var regrown = Tree(22);
        for (var i = 0; i < 10; i++)
        {
            regrown.Append(Rfc9162Verifier.HashLeaf([0xff, (byte)i]));
        }

        Assert.False(Rfc9162Verifier.VerifyConsistency(30, 32, savedRoot, regrown.RootHash(32), regrown.ConsistencyProof(30, 32)));
        Assert.True(Rfc9162Verifier.VerifyConsistency(22, 32, truncated.RootHash(22), regrown.RootHash(32), regrown.ConsistencyProof(22, 32)));
    }

    [Fact]
    public void A_tampered_proof_or_the_wrong_index_fails()
    {
        var tree = Tree(13);
        var proof = tree.InclusionProof(5, 13).Select(h => (byte[])h.Clone()).ToList();
        var root = tree.RootHash(13);
        Assert.False(Rfc9162Verifier.VerifyInclusion(6, 13, tree.LeafHash(5), proof, root));
        proof[1][0] ^= 1;
        Assert.False(Rfc9162Verifier.VerifyInclusion(5, 13, tree.LeafHash(5), proof, root));
        Assert.False(MerkleProofs.VerifyInclusion(5, 13, tree.LeafHash(5), proof, root));
    }

    [Fact]
    public void A_hundred_thousand_leaves_build_and_prove_fast()
    {
        var clock = Stopwatch.StartNew();
        var tree = Tree(100_000, seed: 1);
        var root = tree.RootHash(100_000);
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var size = random.NextInt64(1, 100_001);
            var index = random.NextInt64(0, size);
            Assert.True(Rfc9162Verifier.VerifyInclusion(index, size, tree.LeafHash(index), tree.InclusionProof(index, size), tree.RootHash(size)));
            var first = random.NextInt64(1, 100_001);
            Assert.True(Rfc9162Verifier.VerifyConsistency(first, 100_000, tree.RootHash(first), root, tree.ConsistencyProof(first, 100_000)));
        }

        // A proof needs O(log n) hashes: no step re-hashes the leaves. Generous for a shared 2-core machine.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.Equal(SHA256.HashData([]).Length, root.Length);
    }
}
