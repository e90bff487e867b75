using System.Net;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Notification;

public sealed class TestSendLimitFixture : NotificationSystemFixture
{
    protected override Dictionary<string, string> Configure() => Settings(("TestSendsPerMinute", "2"));
}

/// <summary>A test-send requests an address its caller chose: it is limited per subscription so it cannot flood it.</summary>
public sealed class TestSendLimitTests(TestSendLimitFixture fixture) : IClassFixture<TestSendLimitFixture>
{
    [Fact]
    public async Task Test_sends_beyond_the_limit_get_429_with_retry_after_and_send_nothing()
    {
        var notification = fixture.Notification;
        await using var receiver = await ScriptedReceiver.StartAsync();
        await notification.EnsureHostAsync("hub-a");
        var limited = await notification.SubscribeAsync(TestClients.HostA, "hub-a", receiver.BaseUrl + "/limited", modelPatterns: ["none/*"]);
        var other = await notification.SubscribeAsync(TestClients.HostA, "hub-a", receiver.BaseUrl + "/other", modelPatterns: ["none/*"]);

        await notification.SendTestAsync(limited.Id, TestClients.HostA);
        await notification.SendTestAsync(limited.Id);
        using var refused = await notification.SendAsync(HttpMethod.Post, $"/api/v1/subscriptions/{limited.Id}/test", TestClients.HostA);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        // Another subscription has its own allowance.
        var (_, webhookId) = await notification.SendTestAsync(other.Id, TestClients.HostA);
        await receiver.NextAsync(r => r.WebhookId == webhookId, NotificationClient.Patience);
        var deliveries = await notification.JsonAsync(HttpMethod.Get, "/api/v1/hosts/hub-a/deliveries", TestClients.Admin);
        Assert.Equal(2, deliveries["items"]!.AsArray().Count(d => d!["subscriptionId"]?.GetValue<string>() == limited.Id.ToString()));
    }
}
