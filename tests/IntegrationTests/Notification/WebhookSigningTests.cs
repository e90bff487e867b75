using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Notification;

public sealed class SigningFixture : NotificationSystemFixture
{
    protected override Dictionary<string, string> Configure() => Settings(("SecretRotationGracePeriod", "00:00:03"));
}

/// <summary>Signatures checked with the receiver's reading of the Standard Webhooks text, not with our signer.</summary>
public sealed class WebhookSigningTests(SigningFixture fixture) : IClassFixture<SigningFixture>
{
    private NotificationClient Notification => fixture.Notification;

    [Fact]
    public async Task Either_secret_verifies_during_a_rotation_and_only_the_new_one_after_it()
    {
        await using var receiver = await ScriptedReceiver.StartAsync();
        await Notification.EnsureHostAsync("hub-a");
        // The host's own client registers and rotates, as a host would.
        var subscription = await Notification.SubscribeAsync(TestClients.HostA, "hub-a", receiver.BaseUrl + "/signing");

        var before = await TestWebhookAsync(receiver, subscription.Id);
        Assert.Single(before.Signature!.Split(' '));
        Assert.True(Verifies(subscription.Secret, before));
        var payload = JsonNode.Parse(before.Body)!;
        Assert.Equal("webhook.test", payload["type"]!.GetValue<string>());
        Assert.InRange(long.Parse(before.Timestamp!), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());

        var rotated = await Notification.JsonAsync(HttpMethod.Post, $"/api/v1/subscriptions/{subscription.Id}/rotate-secret", TestClients.HostA);
        var newSecret = rotated["secret"]!.GetValue<string>();
        Assert.NotEqual(subscription.Secret, newSecret);
        Assert.NotNull(rotated["subscription"]!["previousSecretExpiresAt"]);

        var during = await TestWebhookAsync(receiver, subscription.Id);
        var entries = during.Signature!.Split(' ');
        Assert.Equal(2, entries.Length);
        Assert.All(entries, e => Assert.StartsWith("v1,", e));
        Assert.True(Verifies(subscription.Secret, during), "a receiver still on the old secret must verify during the grace period");
        Assert.True(Verifies(newSecret, during), "a receiver already on the new secret must verify");
        Assert.True(Verifies(newSecret, during with { Signature = entries[0] }));
        Assert.True(Verifies(subscription.Secret, during with { Signature = entries[1] }));

        // After the grace period (3 s here) only the new secret signs.
        var after = await Eventually.UntilAsync(async () =>
        {
            var webhook = await TestWebhookAsync(receiver, subscription.Id);
            return webhook.Signature!.Split(' ').Length == 1 ? webhook : null;
        }, TimeSpan.FromSeconds(20), "a webhook signed by the new secret alone");
        Assert.True(Verifies(newSecret, after));
        Assert.False(Verifies(subscription.Secret, after));
    }

    [Fact]
    public async Task A_tampered_body_or_id_does_not_verify()
    {
        await using var receiver = await ScriptedReceiver.StartAsync();
        await Notification.EnsureHostAsync("hub-a");
        var subscription = await Notification.SubscribeAsync(TestClients.Admin, "hub-a", receiver.BaseUrl + "/tamper");

        var webhook = await TestWebhookAsync(receiver, subscription.Id);

        Assert.True(Verifies(subscription.Secret, webhook));
        Assert.False(Verifies(subscription.Secret, webhook with { Body = webhook.Body + " " }));
        Assert.False(Verifies(subscription.Secret, webhook with { WebhookId = webhook.WebhookId + "x" }));
        Assert.False(Verifies(subscription.Secret, webhook with { Timestamp = (long.Parse(webhook.Timestamp!) + 1).ToString() }));
    }

    private async Task<ReceivedRequest> TestWebhookAsync(ScriptedReceiver receiver, Guid subscriptionId)
    {
        var (_, webhookId) = await Notification.SendTestAsync(subscriptionId, TestClients.HostA);
        return await receiver.NextAsync(r => r.WebhookId == webhookId, NotificationClient.Patience);
    }

    private static bool Verifies(string secret, ReceivedRequest webhook) =>
        StandardWebhooks.Verify(secret, webhook.WebhookId!, webhook.Timestamp!, webhook.Body, webhook.Signature!);
}
