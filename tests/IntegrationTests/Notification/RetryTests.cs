using System.Net;
using Microsoft.AspNetCore.Http;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Notification;

/// <summary>Retries on the configured schedule (0, 1 s, 2 s here, with ±10 % jitter), with one webhook-id throughout.</summary>
public sealed class RetryFixture : NotificationSystemFixture;

public sealed class RetryTests(RetryFixture fixture) : IClassFixture<RetryFixture>
{
    // Beyond the jittered delay: the dispatcher's 50 ms poll, the attempt itself and a loaded machine.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    private NotificationClient Notification => fixture.Notification;

    [Fact]
    public async Task A_receiver_failing_twice_then_succeeding_gets_three_attempts_with_one_webhook_id_on_schedule()
    {
        await using var receiver = await ScriptedReceiver.StartAsync();
        receiver.Respond = r => r.Number <= 2 ? new ScriptedReply(StatusCodes.Status500InternalServerError, Body: "down") : ScriptedReply.Status204;
        var subscription = await SubscribeAsync(receiver, "/flaky");

        var (deliveryId, webhookId) = await Notification.SendTestAsync(subscription.Id);
        var delivery = await Notification.DeliveryAsync(deliveryId, d => NotificationClient.Status(d) == "succeeded");

        var requests = receiver.Received;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(webhookId, r.WebhookId));
        Assert.All(requests, r => Assert.True(StandardWebhooks.Verify(subscription.Secret, r.WebhookId!, r.Timestamp!, r.Body, r.Signature!)));
        Assert.InRange(requests[1].Elapsed - requests[0].Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(1.1) + Slack);
        Assert.InRange(requests[2].Elapsed - requests[1].Elapsed, TimeSpan.FromSeconds(1.8), TimeSpan.FromSeconds(2.2) + Slack);

        var attempts = NotificationClient.Attempts(delivery);
        Assert.Equal([500, 500, 204], attempts.Select(a => a!["statusCode"]!.GetValue<int>()));
        Assert.Equal("down", attempts[0]!["responseExcerpt"]!.GetValue<string>());
        Assert.Equal(webhookId, delivery["webhookId"]!.GetValue<string>());
        Assert.Null(delivery["reportId"]);
    }

    [Fact]
    public async Task After_the_last_attempt_the_delivery_is_failed_and_visible_in_the_log()
    {
        await using var receiver = await ScriptedReceiver.StartAsync();
        receiver.Respond = _ => new ScriptedReply(StatusCodes.Status502BadGateway);
        var subscription = await SubscribeAsync(receiver, "/down");

        var (deliveryId, _) = await Notification.SendTestAsync(subscription.Id);
        var delivery = await Notification.DeliveryAsync(deliveryId, d => NotificationClient.Status(d) == "failed");

        Assert.Null(delivery["nextAttemptAt"]);
        Assert.Equal(3, NotificationClient.Attempts(delivery).Count);
        Assert.Equal(3, receiver.Count);
        var failed = await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/hosts/hub-a/deliveries?subscriptionId={subscription.Id}&status=failed", TestClients.Admin);
        Assert.Equal(deliveryId.ToString(), Assert.Single(failed["items"]!.AsArray())!["id"]!.GetValue<string>());
        var pending = await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/hosts/hub-a/deliveries?subscriptionId={subscription.Id}&status=pending", TestClients.Admin);
        Assert.Empty(pending["items"]!.AsArray());
    }

    [Fact]
    public async Task Retry_after_on_503_is_honoured_when_longer_than_the_schedule()
    {
        await using var receiver = await ScriptedReceiver.StartAsync();
        receiver.Respond = r => r.Number == 1
            ? new ScriptedReply(StatusCodes.Status503ServiceUnavailable, new Dictionary<string, string> { ["Retry-After"] = "3" })
            : ScriptedReply.Status204;
        var subscription = await SubscribeAsync(receiver, "/busy");

        var (deliveryId, _) = await Notification.SendTestAsync(subscription.Id);
        await Notification.DeliveryAsync(deliveryId, d => NotificationClient.Status(d) == "succeeded");

        var requests = receiver.Received;
        Assert.Equal(2, requests.Count);
        Assert.InRange(requests[1].Elapsed - requests[0].Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3) + Slack);
    }

    [Fact]
    public async Task A_receiver_answering_410_disables_its_subscription_and_gets_nothing_more()
    {
        await using var gone = await ScriptedReceiver.StartAsync();
        await using var healthy = await ScriptedReceiver.StartAsync();
        gone.Respond = _ => new ScriptedReply(StatusCodes.Status410Gone);
        var model = $"gone-{Guid.NewGuid():N}/model";
        var goneSubscription = await SubscribeAsync(gone, "/gone", model);
        var healthySubscription = await SubscribeAsync(healthy, "/healthy", model);

        var (deliveryId, _) = await Notification.SendTestAsync(goneSubscription.Id);
        var delivery = await Notification.DeliveryAsync(deliveryId, d => NotificationClient.Status(d) == "failed");
        Assert.Single(NotificationClient.Attempts(delivery));
        Assert.Null(delivery["nextAttemptAt"]);
        var subscription = await Notification.SubscriptionAsync(goneSubscription.Id);
        Assert.False(subscription["enabled"]!.GetValue<bool>());
        Assert.Equal("gone", subscription["disabledReason"]!.GetValue<string>());

        // A report both subscriptions cover: once the healthy one has it, the planning is done, and the gone one was left out.
        var reportId = await Notification.TriagedReportAsync("hub-a", model);
        await healthy.NextAsync(r => r.Body.Contains(reportId.ToString()), NotificationClient.Patience);
        var planned = await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/hosts/hub-a/deliveries?reportId={reportId}", TestClients.Admin);
        Assert.Equal(healthySubscription.Id.ToString(), Assert.Single(planned["items"]!.AsArray())!["subscriptionId"]!.GetValue<string>());
        Assert.Equal(1, gone.Count);

        using var replay = await Notification.SendAsync(HttpMethod.Post, $"/api/v1/subscriptions/{goneSubscription.Id}/recover", TestClients.Admin,
            new { since = DateTimeOffset.UtcNow.AddHours(-1) });
        await NotificationClient.AssertProblemAsync(replay, HttpStatusCode.Conflict);
    }

    private async Task<CreatedSubscription> SubscribeAsync(ScriptedReceiver receiver, string path, string? model = null)
    {
        await Notification.EnsureHostAsync("hub-a");
        return await Notification.SubscribeAsync(TestClients.Admin, "hub-a", receiver.BaseUrl + path,
            modelPatterns: [model ?? $"nothing-{Guid.NewGuid():N}/*"]);
    }
}
