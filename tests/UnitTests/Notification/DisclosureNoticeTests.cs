using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class DisclosureNoticeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly RetrySchedule Schedule = new([TimeSpan.Zero]);

    private static Subscription Sub(string[] events, string pattern = "org/*", bool enabled = true) =>
        new(Guid.NewGuid(), "hub", "https://hooks.example.org", events, [pattern], "secret", enabled, Now);

    private static readonly ReportDisclosurePending Pending =
        new(Guid.NewGuid(), new ModelReference("hub", "org/model"), Now.AddDays(-76), Now.AddDays(14), Now);

    [Fact]
    public void The_notice_goes_to_subscriptions_that_hear_reminders_or_ask_for_it_once_per_subscription()
    {
        var triaged = Sub([WebhookEvents.Triaged]);
        var byName = Sub([WebhookEvents.DisclosurePending]);
        var others = new[] { Sub([WebhookEvents.Resolved]), Sub([WebhookEvents.Triaged], "other/*"), Sub([WebhookEvents.Triaged], enabled: false) };

        var plan = DeliveryPlanner.PlanDisclosureNotice(Pending, null, [triaged, byName, .. others], HostReportLinks.PathOnly, Schedule, Now);

        Assert.Equal([triaged.Id, byName.Id], plan.Deliveries.Select(d => d.SubscriptionId));
        Assert.All(plan.Deliveries, d => Assert.Equal(WebhookEvents.DisclosurePending, d.EventType));
        Assert.All(plan.Deliveries, d => Assert.Contains($"\"disclosesAt\":\"{Now.AddDays(14):yyyy-MM-ddTHH:mm:ss}", d.Payload, StringComparison.Ordinal));
        Assert.Equal(plan.Deliveries.Select(d => d.Id),
            DeliveryPlanner.PlanDisclosureNotice(Pending, plan.Route, [triaged, byName], HostReportLinks.PathOnly, Schedule, Now.AddHours(1)).Deliveries.Select(d => d.Id));
    }

    [Fact]
    public void A_host_that_never_heard_of_the_report_gets_its_route_so_it_can_answer()
    {
        var plan = DeliveryPlanner.PlanDisclosureNotice(Pending, null, [], HostReportLinks.PathOnly, Schedule, Now);
        Assert.Equal((Pending.ReportId, "hub", "org/model"), (plan.Route!.ReportId, plan.Route.HostId, plan.Route.ModelId));
        Assert.Empty(plan.Deliveries);
        Assert.Contains(WebhookEvents.DisclosurePending, WebhookEvents.Subscribable);
    }
}
