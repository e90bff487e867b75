using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class SigningSecretsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static Subscription New(string secret) =>
        new(Guid.NewGuid(), "hub", "https://hooks.example.org", [WebhookEvents.Triaged], ["**"], secret, true, Now);

    [Fact]
    public void A_new_subscription_signs_with_its_one_secret()
    {
        Assert.Equal(["s1"], SigningSecrets.At(New("s1"), Now));
    }

    [Fact]
    public void After_a_rotation_both_secrets_sign_until_the_grace_period_ends()
    {
        var rotated = SigningSecrets.Rotate(New("s1"), "s2", Now, TimeSpan.FromHours(24));

        Assert.Equal("s2", rotated.ProtectedSecret);
        Assert.Equal("s1", rotated.PreviousProtectedSecret);
        Assert.Equal(Now.AddHours(24), rotated.PreviousSecretExpiresAt);
        Assert.Equal(["s2", "s1"], SigningSecrets.At(rotated, Now));
        Assert.Equal(["s2", "s1"], SigningSecrets.At(rotated, Now.AddHours(24).AddTicks(-1)));
        Assert.Equal(["s2"], SigningSecrets.At(rotated, Now.AddHours(24)));
    }

    [Fact]
    public void A_second_rotation_in_the_grace_period_keeps_only_the_latest_two()
    {
        var once = SigningSecrets.Rotate(New("s1"), "s2", Now, TimeSpan.FromHours(24));
        var twice = SigningSecrets.Rotate(once, "s3", Now.AddHours(1), TimeSpan.FromHours(24));

        Assert.Equal(["s3", "s2"], SigningSecrets.At(twice, Now.AddHours(2)));
    }

    [Fact]
    public void Without_a_grace_period_the_old_secret_stops_at_once()
    {
        var once = SigningSecrets.Rotate(New("s1"), "s2", Now, TimeSpan.FromHours(24));
        var revoked = SigningSecrets.Rotate(once, "s3", Now, TimeSpan.Zero);

        Assert.Null(revoked.PreviousProtectedSecret);
        Assert.Null(revoked.PreviousSecretExpiresAt);
        Assert.Equal(["s3"], SigningSecrets.At(revoked, Now));
    }
}
