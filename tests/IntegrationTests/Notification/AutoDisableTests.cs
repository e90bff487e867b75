using Microsoft.AspNetCore.Http;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Notification;

public sealed class AutoDisableFixture : NotificationSystemFixture
{
    // Failing for two seconds is "too long" here; attempts every half second keep failing through it.
    protected override Dictionary<string, string> Configure() => Settings(
        ("AutoDisableAfter", "00:00:02"),
        ("RetrySchedule:1", "00:00:00.500"), ("RetrySchedule:2", "00:00:00.500"), ("RetrySchedule:3", "00:00:00.500"),
        ("RetrySchedule:4", "00:00:00.500"), ("RetrySchedule:5", "00:00:00.500"), ("RetrySchedule:6", "00:00:00.500"),
        ("RetrySchedule:7", "00:00:00.500"), ("RetrySchedule:8", "00:00:00.500"));
}

public sealed class AutoDisableTests(AutoDisableFixture fixture) : IClassFixture<AutoDisableFixture>
{
    [Fact]
    public async Task A_subscription_failing_for_the_whole_period_is_disabled_and_triage_records_it_on_the_report()
    {
        var notification = fixture.Notification;
        await using var receiver = await ScriptedReceiver.StartAsync();
        receiver.Respond = _ => new ScriptedReply(StatusCodes.Status500InternalServerError);
        await notification.EnsureHostAsync("hub-b");
        var model = $"org-{Guid.NewGuid():N}/model";
        var subscription = await notification.SubscribeAsync(TestClients.HostB, "hub-b", receiver.BaseUrl + "/broken", modelPatterns: [model]);

        var reportId = await notification.TriagedReportAsync("hub-b", model);

        var disabled = await Eventually.UntilAsync(async () =>
        {
            var current = await notification.SubscriptionAsync(subscription.Id, TestClients.HostB);
            return current["enabled"]!.GetValue<bool>() ? null : current;
        }, TimeSpan.FromSeconds(30), "the failing subscription to be disabled");
        Assert.Equal("failing", disabled["disabledReason"]!.GetValue<string>());
        Assert.NotNull(disabled["failingSince"]);

        await Eventually.UntilAsync(async () => (await notification.AuditActionsAsync(reportId)).Contains("webhook_subscription_disabled"),
            TimeSpan.FromSeconds(30), "Triage to record the disabled subscription on the report");
        var actions = await notification.AuditActionsAsync(reportId);
        Assert.Equal(1, actions.Count(a => a == "webhook_subscription_disabled"));
        // The report was never delivered: no host_notified.
        Assert.DoesNotContain("host_notified", actions);

        // Enabling it again starts a fresh failing period.
        var enabled = await notification.JsonAsync(HttpMethod.Post, $"/api/v1/subscriptions/{subscription.Id}/enable", TestClients.HostB);
        Assert.Null(enabled["failingSince"]);
        Assert.Null(enabled["disabledReason"]);
    }

    [Fact]
    public async Task An_automatically_disabled_subscription_is_a_notice_to_admins_until_it_is_enabled()
    {
        var notification = fixture.Notification;
        await using var receiver = await ScriptedReceiver.StartAsync();
        receiver.Respond = _ => new ScriptedReply(StatusCodes.Status503ServiceUnavailable);
        await notification.EnsureHostAsync("hub-a");
        var url = receiver.BaseUrl + "/down";
        var subscription = await notification.SubscribeAsync(TestClients.Admin, "hub-a", url, modelPatterns: ["none/*"]);
        var id = subscription.Id.ToString();
        Assert.DoesNotContain(id, await NoticeIdsAsync());

        // Test-sends go through the normal pipeline: they keep failing until the subscription is disabled.
        await notification.SendTestAsync(subscription.Id);
        var disabled = await Eventually.UntilAsync(async () =>
        {
            var current = await notification.SubscriptionAsync(subscription.Id);
            return current["enabled"]!.GetValue<bool>() ? null : current;
        }, TimeSpan.FromSeconds(30), "the failing subscription to be disabled");

        var notices = await notification.JsonAsync(HttpMethod.Get, "/api/v1/notices", TestClients.Admin);
        var notice = notices["items"]!.AsArray().Single(n => n!["subscriptionId"]!.GetValue<string>() == id)!;
        Assert.Equal("subscription_disabled", notice["kind"]!.GetValue<string>());
        Assert.Equal("hub-a", notice["hostId"]!.GetValue<string>());
        Assert.Equal(url, notice["url"]!.GetValue<string>());
        Assert.Equal("failing", notice["reason"]!.GetValue<string>());
        Assert.Equal(disabled["disabledAt"]!.GetValue<DateTimeOffset>(), notice["disabledAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(disabled["failingSince"]!.GetValue<DateTimeOffset>(), notice["failingSince"]!.GetValue<DateTimeOffset>());
        Assert.True(notice["failingSince"]!.GetValue<DateTimeOffset>() < notice["disabledAt"]!.GetValue<DateTimeOffset>());
        Assert.True(notices["total"]!.GetValue<int>() >= 1);

        // A host's client manages its subscriptions but does not read the admins' notices.
        using (var hostRead = await notification.SendAsync(HttpMethod.Get, "/api/v1/notices", TestClients.HostA))
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, hostRead.StatusCode);
        }

        // The endpoint is fixed first: the test-send may still be retrying, and must not fail it again.
        receiver.Respond = _ => ScriptedReply.Status204;
        await notification.JsonAsync(HttpMethod.Post, $"/api/v1/subscriptions/{subscription.Id}/enable", TestClients.Admin);
        Assert.DoesNotContain(id, await NoticeIdsAsync());

        // Turned off by hand is no notice: the admin knows.
        await notification.JsonAsync(HttpMethod.Post, $"/api/v1/subscriptions/{subscription.Id}/disable", TestClients.Admin);
        Assert.DoesNotContain(id, await NoticeIdsAsync());
    }

    private async Task<IReadOnlyList<string>> NoticeIdsAsync() =>
        (await fixture.Notification.JsonAsync(HttpMethod.Get, "/api/v1/notices?limit=200", TestClients.Admin))["items"]!.AsArray()
            .Select(n => n!["subscriptionId"]!.GetValue<string>()).ToList();
}
