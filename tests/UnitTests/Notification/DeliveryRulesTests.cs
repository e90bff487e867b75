using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class DeliveryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly RetrySchedule Schedule = new([TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5)]);

    private static Delivery Pending(int roundAttempts = 0) => new(
        Guid.NewGuid(), Guid.NewGuid(), "hub", Guid.NewGuid(), WebhookEvents.Triaged, "msg_x", "{}",
        DeliveryStatuses.Pending, roundAttempts, Now, Now, null);

    [Fact]
    public void Default_schedule_is_the_Svix_one()
    {
        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10)],
            new SafetyReports.Notification.NotificationOptions().BuildRetrySchedule().Delays);
    }

    [Fact]
    public void Success_ends_the_delivery()
    {
        var outcome = DeliveryRules.AfterAttempt(Pending(), 204, null, Schedule, Now);
        Assert.True(outcome.Succeeded);
        Assert.Equal(DeliveryStatuses.Succeeded, outcome.Delivery.Status);
        Assert.Null(outcome.Delivery.NextAttemptAt);
        Assert.Equal(1, outcome.Delivery.RoundAttempts);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(500)]
    [InlineData(302)]
    [InlineData(404)]
    public void Failures_follow_the_schedule(int? status)
    {
        var first = DeliveryRules.AfterAttempt(Pending(), status, null, Schedule, Now);
        Assert.Equal(Now + TimeSpan.FromSeconds(5), first.Delivery.NextAttemptAt);
        var second = DeliveryRules.AfterAttempt(first.Delivery, status, null, Schedule, Now);
        Assert.Equal(Now + TimeSpan.FromMinutes(5), second.Delivery.NextAttemptAt);
        var third = DeliveryRules.AfterAttempt(second.Delivery, status, null, Schedule, Now);
        Assert.Equal(DeliveryStatuses.Failed, third.Delivery.Status);
        Assert.Null(third.Delivery.NextAttemptAt);
        Assert.Equal(3, third.Delivery.RoundAttempts);
    }

    [Fact]
    public void Gone_disables_the_subscription()
    {
        var outcome = DeliveryRules.AfterAttempt(Pending(), 410, null, Schedule, Now);
        Assert.True(outcome.DisableSubscription);
        Assert.Equal(DeliveryStatuses.Failed, outcome.Delivery.Status);
    }

    [Fact]
    public void Retry_after_is_honoured_on_429_and_503_only_when_longer()
    {
        Assert.Equal(Now + TimeSpan.FromMinutes(1), DeliveryRules.AfterAttempt(Pending(), 429, TimeSpan.FromMinutes(1), Schedule, Now).Delivery.NextAttemptAt);
        Assert.Equal(Now + TimeSpan.FromSeconds(5), DeliveryRules.AfterAttempt(Pending(), 503, TimeSpan.FromSeconds(1), Schedule, Now).Delivery.NextAttemptAt);
        Assert.Equal(Now + TimeSpan.FromSeconds(5), DeliveryRules.AfterAttempt(Pending(), 500, TimeSpan.FromHours(1), Schedule, Now).Delivery.NextAttemptAt);
    }

    [Fact]
    public void Planner_sends_triaged_reports_to_matching_enabled_subscriptions_once()
    {
        var changed = new ReportStatusChanged(Guid.NewGuid(), ReportStatuses.Triaged, ReportStatuses.Triaging, 3,
            new ModelReference("hub", "org/model"), "hate", "high", "title", null, Now);
        Subscription Sub(string pattern, bool enabled = true, string evt = WebhookEvents.Triaged) =>
            new(Guid.NewGuid(), "hub", "https://example.org/hook", [evt], [pattern], "secret", enabled, Now);
        var matching = Sub("org/*");
        var subscriptions = new[] { matching, Sub("other/*"), Sub("org/*", enabled: false), Sub("org/*", evt: WebhookEvents.Resolved) };

        var plan = DeliveryPlanner.Plan(changed, null, subscriptions, HostReportLinks.PathOnly, Schedule, Now);
        var delivery = Assert.Single(plan.Deliveries);
        Assert.Equal(matching.Id, delivery.SubscriptionId);
        Assert.Equal("hub", plan.Route!.HostId);
        Assert.DoesNotContain("description", delivery.Payload);
        Assert.Equal(delivery.Id, DeliveryPlanner.Plan(changed, null, subscriptions, HostReportLinks.PathOnly, Schedule, Now.AddMinutes(1)).Deliveries[0].Id);
        Assert.StartsWith("msg_", delivery.WebhookId);
    }

    [Fact]
    public void Planner_ignores_reports_the_host_never_heard_of_until_triaged()
    {
        var rejected = new ReportStatusChanged(Guid.NewGuid(), ReportStatuses.Rejected, ReportStatuses.Received, 2,
            new ModelReference("hub", "org/model"), "hate", null, "title", null, Now);
        var plan = DeliveryPlanner.Plan(rejected, null, [], HostReportLinks.PathOnly, Schedule, Now);
        Assert.Null(plan.Route);
        Assert.Empty(plan.Deliveries);
    }

    [Fact]
    public void A_resolved_event_that_overtook_the_triaged_one_still_reaches_the_host()
    {
        var resolved = new ReportStatusChanged(Guid.NewGuid(), ReportStatuses.Resolved, ReportStatuses.HostNotified, 5,
            new ModelReference("hub", "org/model"), "hate", "high", "title", null, Now, TriagedAt: Now.AddMinutes(-5));
        var subscription = new Subscription(Guid.NewGuid(), "hub", "https://example.org/hook", [WebhookEvents.Resolved], ["org/*"], "secret", true, Now);

        var plan = DeliveryPlanner.Plan(resolved, null, [subscription], HostReportLinks.PathOnly, Schedule, Now);

        Assert.NotNull(plan.Route);
        Assert.Equal(WebhookEvents.Resolved, Assert.Single(plan.Deliveries).EventType);
    }
}
