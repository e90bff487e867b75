using SafetyReports.Triage.Domain;

namespace SafetyReports.UnitTests.Triage;

public class AuditChainTests
{
    private static List<AuditEntry> Chain(int length)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.GenesisHash;
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= length; i++)
        {
            var entry = AuditChain.Link(new AuditDraft(Guid.NewGuid(), start.AddMinutes(i), "alice", "transition", $"{{\"n\":{i}}}"), i, previous);
            entries.Add(entry);
            previous = entry.Hash;
        }

        return entries;
    }

    [Fact]
    public void An_intact_chain_verifies_and_reports_its_head()
    {
        var chain = Chain(5);
        var result = AuditVerifier.Verify(chain);
        Assert.True(result.Valid);
        Assert.Equal(5, result.Entries);
        Assert.Equal(chain[^1].Hash, result.Head);
    }

    [Fact]
    public void An_empty_chain_is_valid_with_the_genesis_head()
    {
        var result = AuditVerifier.Verify([]);
        Assert.True(result.Valid);
        Assert.Equal(AuditChain.GenesisHash, result.Head);
    }

    [Fact]
    public void An_edited_entry_is_detected_at_that_entry()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Data = "{\"n\":99}" };
        var result = AuditVerifier.Verify(chain);
        Assert.False(result.Valid);
        Assert.Equal(3, result.FirstInvalidSequence);
    }

    [Fact]
    public void An_edit_with_a_recomputed_hash_breaks_the_next_link()
    {
        var chain = Chain(5);
        var forged = chain[2] with { Actor = "mallory" };
        chain[2] = forged with { Hash = AuditChain.ComputeHash(forged) };
        var result = AuditVerifier.Verify(chain);
        Assert.False(result.Valid);
        Assert.Equal(4, result.FirstInvalidSequence);
    }

    [Fact]
    public void A_deleted_entry_is_detected()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        Assert.Equal(3, AuditVerifier.Verify(chain).FirstInvalidSequence);
    }

    [Fact]
    public void An_inserted_entry_is_detected()
    {
        var chain = Chain(5);
        var intruder = AuditChain.Link(new AuditDraft(Guid.NewGuid(), DateTimeOffset.UnixEpoch, "x", "note", "{}"), 3, chain[1].Hash);
        chain.Insert(2, intruder);
        var result = AuditVerifier.Verify(chain);
        Assert.False(result.Valid);
        Assert.Equal(3, result.FirstInvalidSequence);
    }

    [Fact]
    public void Reordered_entries_are_detected()
    {
        var chain = Chain(5);
        (chain[1], chain[2]) = (chain[2], chain[1]);
        Assert.False(AuditVerifier.Verify(chain).Valid);
    }

    [Fact]
    public void Field_boundaries_cannot_be_shifted()
    {
        var a = AuditChain.Link(new AuditDraft(Guid.Empty, DateTimeOffset.UnixEpoch, "ab", "c", "d"), 1, AuditChain.GenesisHash);
        var b = AuditChain.Link(new AuditDraft(Guid.Empty, DateTimeOffset.UnixEpoch, "a", "bc", "d"), 1, AuditChain.GenesisHash);
        Assert.NotEqual(a.Hash, b.Hash);
    }
}
