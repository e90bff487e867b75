using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class WebhookSignerTests
{
    [Fact]
    public void Matches_the_Standard_Webhooks_reference_example()
    {
        // The example from the Standard Webhooks specification's reference implementations.
        var signature = WebhookSigner.Sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Several_secrets_give_space_separated_signatures()
    {
        var a = WebhookSecret.Generate();
        var b = WebhookSecret.Generate();
        var header = WebhookSigner.SignatureHeader([a, b], "msg_1", 10, "{}");
        Assert.Equal([WebhookSigner.Sign(a, "msg_1", 10, "{}"), WebhookSigner.Sign(b, "msg_1", 10, "{}")], header.Split(' '));
    }

    [Fact]
    public void Secrets_carry_the_prefix_and_a_32_byte_key()
    {
        var secret = WebhookSecret.Generate();
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, WebhookSecret.KeyOf(secret).Length);
        Assert.Throws<FormatException>(() => WebhookSecret.KeyOf("sk_nope"));
    }
}
