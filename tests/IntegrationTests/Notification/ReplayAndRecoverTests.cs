using System.Net;
using Microsoft.AspNetCore.Http;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Notification;

public sealed class QuickFailureFixture : NotificationSystemFixture
{
    // Three quick attempts: a delivery to a failing receiver is `failed` within a second.
    protected override Dictionary<string, string> Configure() =>
        Settings(("RetrySchedule:1", "00:00:00.100"), ("RetrySchedule:2", "00:00:00.100"));
}

/// <summary>Failed deliveries are sent again by hand (one) or by time (a subscription's since T), always with their own webhook-id.</summary>
public sealed class ReplayAndRecoverTests(QuickFailureFixture fixture) : IClassFixture<QuickFailureFixture>
{
    private NotificationClient Notification => fixture.Notification;

    [Fact]
    public async Task Replay_and_recover_make_new_attempts_with_the_original_webhook_ids()
    {
        await using var receiver = await ScriptedReceiver.StartAsync();
        var up = false;
        receiver.Respond = _ => Volatile.Read(ref up) ? ScriptedReply.Status204 : new ScriptedReply(StatusCodes.Status500InternalServerError);
        await Notification.EnsureHostAsync("hub-a");
        var subscription = await Notification.SubscribeAsync(TestClients.HostA, "hub-a", receiver.BaseUrl + "/outage", modelPatterns: ["none/*"]);

        var beforeT = await FailedTestAsync(subscription.Id);
        var since = (await Notification.DeliveryAsync(beforeT.DeliveryId))["createdAt"]!.GetValue<DateTimeOffset>().AddMilliseconds(1);
        var replayed = await FailedTestAsync(subscription.Id);
        var recoveredA = await FailedTestAsync(subscription.Id);
        var recoveredB = await FailedTestAsync(subscription.Id);
        Volatile.Write(ref up, true);

        // One by hand, by the host's own client.
        using (var replay = await Notification.SendAsync(HttpMethod.Post, $"/api/v1/deliveries/{replayed.DeliveryId}/replay", TestClients.HostA))
        {
            Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        }

        var afterReplay = await Notification.DeliveryAsync(replayed.DeliveryId, d => NotificationClient.Status(d) == "succeeded");
        Assert.Equal(4, NotificationClient.Attempts(afterReplay).Count);
        Assert.Equal(4, receiver.With(replayed.WebhookId).Count);

        // The rest since T: the replayed one has succeeded and the one before T is left alone.
        var recovery = await Notification.JsonAsync(HttpMethod.Post, $"/api/v1/subscriptions/{subscription.Id}/recover", TestClients.HostA,
            new { since = since.ToString("O") }, HttpStatusCode.Accepted);
        Assert.Equal(2, recovery["recovered"]!.GetValue<int>());
        foreach (var (deliveryId, webhookId) in new[] { recoveredA, recoveredB })
        {
            var delivery = await Notification.DeliveryAsync(deliveryId, d => NotificationClient.Status(d) == "succeeded");
            Assert.Equal(4, NotificationClient.Attempts(delivery).Count);
            Assert.Equal(4, receiver.With(webhookId).Count);
        }

        Assert.Equal("failed", NotificationClient.Status(await Notification.DeliveryAsync(beforeT.DeliveryId)));
        Assert.Equal(3, receiver.With(beforeT.WebhookId).Count);
    }

    [Fact]
    public async Task Recovering_needs_a_time_not_in_the_future_and_an_enabled_subscription()
    {
        await using var receiver = await ScriptedReceiver.StartAsync();
        await Notification.EnsureHostAsync("hub-a");
        var subscription = await Notification.SubscribeAsync(TestClients.Admin, "hub-a", receiver.BaseUrl + "/x", modelPatterns: ["none/*"]);
        var path = $"/api/v1/subscriptions/{subscription.Id}/recover";

        foreach (var body in new object[] { new { }, new { since = "yesterday" }, new { since = DateTimeOffset.UtcNow.AddDays(1) } })
        {
            using var invalid = await Notification.SendAsync(HttpMethod.Post, path, TestClients.Admin, body);
            await NotificationClient.AssertProblemAsync(invalid, HttpStatusCode.BadRequest, "since");
        }

        var (deliveryId, _) = await Notification.SendTestAsync(subscription.Id);
        await Notification.DeliveryAsync(deliveryId, d => NotificationClient.Status(d) == "succeeded");
        await Notification.JsonAsync(HttpMethod.Post, $"/api/v1/subscriptions/{subscription.Id}/disable", TestClients.Admin);
        using var disabled = await Notification.SendAsync(HttpMethod.Post, path, TestClients.Admin, new { since = "2020-01-01T00:00:00Z" });
        await NotificationClient.AssertProblemAsync(disabled, HttpStatusCode.Conflict);

        // A test still goes to a disabled subscription: that is how a host checks its endpoint before enabling it again.
        var (test, webhookId) = await Notification.SendTestAsync(subscription.Id);
        await Notification.DeliveryAsync(test, d => NotificationClient.Status(d) == "succeeded");
        Assert.Single(receiver.With(webhookId));
    }

    [Fact]
    public async Task The_delivery_log_rejects_unknown_filters()
    {
        await Notification.EnsureHostAsync("hub-a");
        using var status = await Notification.SendAsync(HttpMethod.Get, "/api/v1/hosts/hub-a/deliveries?status=lost", TestClients.Admin);
        await NotificationClient.AssertProblemAsync(status, HttpStatusCode.BadRequest, "status");
        using var limit = await Notification.SendAsync(HttpMethod.Get, "/api/v1/hosts/hub-a/deliveries?limit=0", TestClients.Admin);
        await NotificationClient.AssertProblemAsync(limit, HttpStatusCode.BadRequest, "limit");
    }

    private async Task<(Guid DeliveryId, string WebhookId)> FailedTestAsync(Guid subscriptionId)
    {
        var sent = await Notification.SendTestAsync(subscriptionId, TestClients.HostA);
        await Notification.DeliveryAsync(sent.DeliveryId, d => NotificationClient.Status(d) == "failed");
        return sent;
    }
}
