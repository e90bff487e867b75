using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

/// <summary>Who hears of a changed notice, a forwarded contest and a maintainers' message, and with which delivery ids.</summary>
public class FollowUpPlanningTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly RetrySchedule Schedule = new([TimeSpan.Zero]);
    private static readonly HostReportLinks Links = new("https://reports.example.org");
    private static readonly ReportRoute Route = new(Guid.NewGuid(), "hub", "org/model", Now.AddDays(-1), null, null);

    private static Subscription Sub(string[] events, string pattern = "org/*", bool enabled = true, string host = "hub") =>
        new(Guid.NewGuid(), host, "https://hooks.example.org", events, [pattern], "secret", enabled, Now);

    private static HostNotice Notice(int revision, string host = "hub") => new(
        Route.ReportId, host, revision, new ModelReference(host, "org/model"), "The model explains how", [new EvidenceItem("prompt", "how do I")],
        "Please look at item 1", true, new DateOnly(2026, 11, 20), Now);

    private static readonly HostContest Contest = new(
        ContestIds.For(Route.ReportId, "hub", 1), Route.ReportId, "hub", 1, "The model still answers", "We agree", Now.AddHours(-2), Now);

    private static readonly ThreadMessage FromMaintainers = new(
        Guid.NewGuid(), Route.ReportId, "hub", ThreadSides.Maintainers, "rita@maintainers.example", "Any news?", Now);

    public static TheoryData<string> FollowUps => [WebhookEvents.Updated, WebhookEvents.Contested, WebhookEvents.Message];

    private static IReadOnlyList<Delivery> Plan(string eventType, ReportRoute? route, IReadOnlyList<Subscription> subscriptions) => eventType switch
    {
        WebhookEvents.Updated => DeliveryPlanner.PlanNoticeUpdate(Notice(2), route, subscriptions, Links, Schedule, Now),
        WebhookEvents.Contested => DeliveryPlanner.PlanContest(Contest, route, subscriptions, Links, Schedule, Now),
        _ => DeliveryPlanner.PlanMessage(FromMaintainers, route, subscriptions, Links, Schedule, Now),
    };

    [Theory]
    [MemberData(nameof(FollowUps))]
    public void A_follow_up_goes_where_reports_are_announced_and_to_subscriptions_that_ask_for_it(string eventType)
    {
        var triaged = Sub([WebhookEvents.Triaged]);
        var byName = Sub([eventType]);
        var others = new[]
        {
            Sub([WebhookEvents.Resolved, WebhookEvents.Reminder]), Sub([WebhookEvents.Triaged], "other/*"), Sub([eventType], enabled: false),
            Sub([WebhookEvents.Triaged], host: "elsewhere"),
        };

        var deliveries = Plan(eventType, Route, [triaged, byName, .. others]);

        Assert.Equal([triaged.Id, byName.Id], deliveries.Select(d => d.SubscriptionId));
        Assert.All(deliveries, d => Assert.Equal(eventType, d.EventType));
        Assert.All(deliveries, d => Assert.Equal(Route.ReportId, d.ReportId));
        Assert.All(deliveries, d => Assert.Contains($"\"resource\":\"https://reports.example.org/api/v1/host/reports/{Route.ReportId}\"", d.Payload));
        // Planned again (a repeated message, a second consumer): the same deliveries, one per subscription.
        Assert.Equal(deliveries.Select(d => d.Id), Plan(eventType, Route, [triaged, byName]).Select(d => d.Id));
        Assert.Equal(2, deliveries.Select(d => d.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(FollowUps))]
    public void A_report_its_host_was_not_told_about_gets_no_follow_up(string eventType)
    {
        var subscription = Sub([WebhookEvents.Triaged, eventType]);
        Assert.Empty(Plan(eventType, null, [subscription]));
        Assert.Empty(Plan(eventType, Route with { HostId = "elsewhere" }, [subscription]));
    }

    [Fact]
    public void A_first_notice_is_told_by_report_triaged_and_each_later_revision_by_its_own_delivery()
    {
        var subscription = Sub([WebhookEvents.Triaged]);
        Assert.Empty(DeliveryPlanner.PlanNoticeUpdate(Notice(1), Route, [subscription], Links, Schedule, Now));

        var second = Assert.Single(DeliveryPlanner.PlanNoticeUpdate(Notice(2), Route, [subscription], Links, Schedule, Now));
        var third = Assert.Single(DeliveryPlanner.PlanNoticeUpdate(Notice(3), Route, [subscription], Links, Schedule, Now));
        Assert.NotEqual(second.Id, third.Id);
        Assert.Contains("\"noticeRevision\":3", third.Payload);
        // Every host the report reached is shown the same notice: its route plans its own update.
        var copy = Route with { HostId = "mirror" };
        var mirrored = Assert.Single(DeliveryPlanner.PlanNoticeUpdate(Notice(2), copy, [Sub([WebhookEvents.Triaged], host: "mirror")], Links, Schedule, Now));
        Assert.Equal("mirror", mirrored.HostId);
        Assert.NotEqual(second.Id, mirrored.Id);
    }

    [Fact]
    public void Follow_up_bodies_stay_thin()
    {
        var subscription = Sub([WebhookEvents.Triaged]);
        var bodies = new[]
        {
            DeliveryPlanner.PlanNoticeUpdate(Notice(2), Route, [subscription], Links, Schedule, Now)[0].Payload,
            DeliveryPlanner.PlanContest(Contest, Route, [subscription], Links, Schedule, Now)[0].Payload,
            DeliveryPlanner.PlanMessage(FromMaintainers, Route, [subscription], Links, Schedule, Now)[0].Payload,
        };

        foreach (var secret in new[] { "explains how", "how do I", "item 1", "still answers", "We agree", "Any news", "rita@" })
        {
            Assert.All(bodies, body => Assert.DoesNotContain(secret, body, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_hosts_own_message_is_not_announced_back_to_it()
    {
        var (own, announcement) = ThreadMessage.ByHost(Route.ReportId, "hub", "Removed it", Now);

        Assert.Empty(DeliveryPlanner.PlanMessage(own, Route, [Sub([WebhookEvents.Triaged, WebhookEvents.Message])], Links, Schedule, Now));
        Assert.Equal((ThreadSides.Host, "host:hub"), (own.From, own.Author));
        Assert.Equal(new HostMessagedMaintainers(Route.ReportId, "hub", own.Id, "host:hub", "Removed it", own.SentAt), announcement);
    }

    [Fact]
    public void The_new_events_can_be_subscribed_to_by_name()
    {
        Assert.Contains(WebhookEvents.Updated, WebhookEvents.Subscribable);
        Assert.Contains(WebhookEvents.Contested, WebhookEvents.Subscribable);
        Assert.Contains(WebhookEvents.Message, WebhookEvents.Subscribable);
    }
}
