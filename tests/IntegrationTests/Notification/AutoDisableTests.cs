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
}
