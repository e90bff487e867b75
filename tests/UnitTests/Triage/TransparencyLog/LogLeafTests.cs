using System.Text;
using System.Security.Cryptography;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.TransparencyLog;

namespace SafetyReports.UnitTests.Triage.TransparencyLog;

public class LogLeafTests
{
    private static readonly AuditEntry Entry = AuditChain.Link(
        new AuditDraft(Guid.Parse("0b6f2a4e-0c1d-4a4b-9d1e-3f4a5b6c7d8e"), DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_123), "alice@example.org",
            "received", "{\"title\":\"private\"}"),
        12, AuditChain.GenesisHash);

    [Fact]
    public void A_leaf_is_the_RFC_6962_hash_of_its_public_lines()
    {
        var text = $"safetyreports/audit-leaf/v1\n12\n0b6f2a4e-0c1d-4a4b-9d1e-3f4a5b6c7d8e\nreceived\n1780000000123\n{Entry.Hash}\n";
        Assert.Equal(SHA256.HashData([0x00, .. Encoding.UTF8.GetBytes(text)]), LogLeaf.HashOf(Entry));
        Assert.Equal(11, LogLeaf.Of(Entry).Index);
    }

    [Fact]
    public void The_leaf_shows_no_private_content_but_commits_to_it()
    {
        var data = Encoding.UTF8.GetString(LogLeaf.Of(Entry).Data());
        Assert.DoesNotContain("alice", data, StringComparison.Ordinal);
        Assert.DoesNotContain("private", data, StringComparison.Ordinal);
        var edited = Entry with { Data = "{\"title\":\"edited\"}" };
        Assert.NotEqual(LogLeaf.HashOf(Entry), LogLeaf.HashOf(edited with { Hash = AuditChain.ComputeHash(edited) }));
    }
}
