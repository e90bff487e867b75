using System.Security.Cryptography;
using System.Text;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Messaging;

namespace SafetyReports.UnitTests.ServiceDefaults;

public class MessageSignerTests
{
    private static readonly byte[] KeyA = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] KeyB = RandomNumberGenerator.GetBytes(48);
    private static readonly Guid Id = Guid.Parse("0b5c2f0e-8a53-4f7c-9d55-2f1f3c9b8a11");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"reportId":"x","title":"t"}""");
    private const string Type = "SafetyReports.Contracts.ReportSubmitted";

    [Fact]
    public void A_signature_verifies_over_the_same_type_id_and_body()
    {
        var signer = new MessageSigner(KeyA);

        var signature = signer.Sign(Type, Id, Body);

        Assert.StartsWith("v1:", signature);
        Assert.True(signer.Verify(Type, Id, Body, signature));
    }

    [Fact]
    public void Changing_the_body_the_type_or_the_id_breaks_the_signature()
    {
        var signer = new MessageSigner(KeyA);
        var signature = signer.Sign(Type, Id, Body);
        var otherBody = Encoding.UTF8.GetBytes("""{"reportId":"x","title":"T"}""");

        Assert.False(signer.Verify(Type, Id, otherBody, signature));
        Assert.False(signer.Verify("SafetyReports.Contracts.HostAcknowledged", Id, Body, signature));
        Assert.False(signer.Verify(Type, Guid.NewGuid(), Body, signature));
    }

    [Fact]
    public void The_type_and_the_body_cannot_trade_bytes()
    {
        // Without the length prefix "ab" + "c…" and "a" + "bc…" would hash alike.
        var signer = new MessageSigner(KeyA);
        var signature = signer.Sign("ab", Id, Encoding.UTF8.GetBytes("c{}"));

        Assert.False(signer.Verify("a", Id, Encoding.UTF8.GetBytes("bc{}"), signature));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1:")]
    [InlineData("v1:not base64!")]
    [InlineData("v1:AAAA")]
    [InlineData("v2:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void A_missing_or_malformed_signature_is_refused(string? signature)
    {
        Assert.False(new MessageSigner(KeyA).Verify(Type, Id, Body, signature));
    }

    [Fact]
    public void A_signature_made_with_another_key_is_refused()
    {
        var forged = new MessageSigner(KeyB).Sign(Type, Id, Body);

        Assert.False(new MessageSigner(KeyA).Verify(Type, Id, Body, forged));
    }

    [Fact]
    public void During_rotation_an_accepted_key_is_checked_but_never_signs()
    {
        var old = new MessageSigner(KeyA);
        var rotating = new MessageSigner(KeyB, [KeyA]);

        Assert.True(rotating.Verify(Type, Id, Body, old.Sign(Type, Id, Body)));
        Assert.True(rotating.Verify(Type, Id, Body, rotating.Sign(Type, Id, Body)));
        Assert.NotEqual(old.Sign(Type, Id, Body), rotating.Sign(Type, Id, Body));
    }

    [Fact]
    public void A_key_shorter_than_32_bytes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new MessageSigner(new byte[31]));
        Assert.Throws<ArgumentException>(() => new MessageSigner(KeyA, [new byte[16]]));
    }

    [Fact]
    public void Options_without_a_key_name_the_setting_and_how_to_make_one()
    {
        var (signer, errors) = MessageSigner.From(new BusOptions());

        Assert.Null(signer);
        var error = Assert.Single(errors);
        Assert.Contains("SafetyReports:Bus:SigningKey", error);
        Assert.Contains("openssl rand -base64 32", error);
    }

    [Theory]
    [InlineData("not base64!", "is not base64")]
    [InlineData("c2hvcnQ=", "has 5 bytes")]
    // The signing key docker-compose.yml shipped: "change-me-change-me-…" in base64.
    [InlineData("Y2hhbmdlLW1lLWNoYW5nZS1tZS1jaGFuZ2UtbWUtY2hhbmdlLW1l", "SafetyReports:Bus:SigningKey is a placeholder")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "SafetyReports:Bus:SigningKey is a placeholder")]
    public void Options_with_a_bad_key_say_what_is_wrong(string key, string expected)
    {
        var (signer, errors) = MessageSigner.From(new BusOptions { SigningKey = key });

        Assert.Null(signer);
        Assert.Contains(expected, Assert.Single(errors));
    }

    [Fact]
    public void Options_with_a_bad_accepted_key_are_refused_too()
    {
        var (signer, errors) = MessageSigner.From(new BusOptions { SigningKey = Convert.ToBase64String(KeyA), AcceptedSigningKeys = ["c2hvcnQ="] });

        Assert.Null(signer);
        Assert.Contains("AcceptedSigningKeys:0", Assert.Single(errors));
    }

    [Fact]
    public void Options_read_the_key_from_a_file_and_accept_rotation_keys()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, Convert.ToBase64String(KeyB) + "\n");

            var (signer, errors) = MessageSigner.From(new BusOptions { SigningKeyFile = file, AcceptedSigningKeys = [Convert.ToBase64String(KeyA)] });

            Assert.Empty(errors);
            Assert.True(signer!.Verify(Type, Id, Body, new MessageSigner(KeyB).Sign(Type, Id, Body)));
            Assert.True(signer.Verify(Type, Id, Body, new MessageSigner(KeyA).Sign(Type, Id, Body)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Options_with_both_a_key_and_a_key_file_or_a_missing_file_are_refused()
    {
        var both = MessageSigner.From(new BusOptions { SigningKey = Convert.ToBase64String(KeyA), SigningKeyFile = "/etc/hostname" });
        var missing = MessageSigner.From(new BusOptions { SigningKeyFile = "/nonexistent/signing-key" });

        Assert.Contains("not both", Assert.Single(both.Errors));
        Assert.Contains("does not exist", Assert.Single(missing.Errors));
        Assert.Null(both.Signer);
        Assert.Null(missing.Signer);
    }
}
