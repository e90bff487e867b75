using System.Security.Cryptography;
using System.Text;
using SafetyReports.Intake.AntiAbuse;

namespace SafetyReports.UnitTests.Intake;

public class ProofOfWorkTests
{
    [Theory]
    [InlineData(new byte[] { 0x80, 0 }, 0)]
    [InlineData(new byte[] { 0x40, 0 }, 1)]
    [InlineData(new byte[] { 0x01, 0 }, 7)]
    [InlineData(new byte[] { 0x00, 0x80 }, 8)]
    [InlineData(new byte[] { 0x00, 0x00, 0x10 }, 19)]
    [InlineData(new byte[] { 0x00, 0x00 }, 16)]
    public void Counts_leading_zero_bits(byte[] hash, int expected) => Assert.Equal(expected, ProofOfWork.LeadingZeroBits(hash));

    [Fact]
    public void A_solved_nonce_meets_the_difficulty_per_the_contract_text()
    {
        var nonce = ProofOfWork.Solve("challenge-abc", 12);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"challenge-abc:{nonce}"));
        Assert.Equal(0, hash[0]);
        Assert.Equal(0, hash[1] & 0xF0);
        Assert.True(ProofOfWork.IsSolved("challenge-abc", nonce, 12));
    }

    [Theory]
    [InlineData("abc:123", true, "abc", "123")]
    [InlineData("a:b:c:42", true, "a:b:c", "42")]
    [InlineData("abc:", false, "", "")]
    [InlineData(":12", false, "", "")]
    [InlineData("abc:12x", false, "", "")]
    [InlineData("abc", false, "", "")]
    [InlineData("abc:123456789012345678901", false, "", "")]
    public void Parses_the_header(string value, bool ok, string challenge, string nonce)
    {
        Assert.Equal(ok, ProofOfWork.TryParse(value, out var c, out var n));
        if (ok)
        {
            Assert.Equal((challenge, nonce), (c, n));
        }
    }
}
