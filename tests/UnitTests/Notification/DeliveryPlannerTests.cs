using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class DeliveryPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly RetrySchedule Schedule = new([TimeSpan.Zero, TimeSpan.FromSeconds(5)]);

    private static ReportStatusChanged Changed(string status, long version) =>
        new(Guid.Parse("0193a000-0000-7000-8000-000000000001"), status, null, version, new ModelReference("hub", "org/model"), "hate", "high", "Title", null, Now);

    [Fact]
    public void A_triaged_report_gets_a_route_with_its_summary()
    {
        var plan = DeliveryPlanner.Plan(Changed(ReportStatuses.Triaged, 3), null, [], HostReportLinks.PathOnly, Schedule, Now);
        Assert.Equal(new ReportSummary(ReportStatuses.Triaged, 3, new ModelReference("hub", "org/model"), "hate", "high", "Title", Now), plan.Route!.Summary);
        Assert.Equal(Now, plan.Route.FirstEventAt);
    }

    [Fact]
    public void A_known_report_keeps_its_route_current_on_statuses_without_an_event_and_never_goes_back()
    {
        var route = DeliveryPlanner.Plan(Changed(ReportStatuses.Triaged, 3), null, [], HostReportLinks.PathOnly, Schedule, Now).Route!;

        var acknowledged = DeliveryPlanner.Plan(Changed(ReportStatuses.Acknowledged, 5), route, [], HostReportLinks.PathOnly, Schedule, Now.AddHours(1));
        Assert.Empty(acknowledged.Deliveries);
        Assert.Equal(ReportStatuses.Acknowledged, acknowledged.Route!.Summary!.Status);
        Assert.Equal(Now, acknowledged.Route.FirstEventAt);

        var late = DeliveryPlanner.Plan(Changed(ReportStatuses.HostNotified, 4), acknowledged.Route, [], HostReportLinks.PathOnly, Schedule, Now.AddHours(2));
        Assert.Equal(5, late.Route!.Summary!.Version);
    }

    [Fact]
    public void A_test_delivery_is_about_no_report_and_goes_to_the_one_subscription()
    {
        var subscription = new Subscription(Guid.NewGuid(), "hub", "https://hooks.example.org", [WebhookEvents.Triaged], ["**"], "s", false, Now);
        var test = DeliveryPlanner.PlanTest(subscription, Schedule, Now);

        Assert.Equal(Guid.Empty, test.ReportId);
        Assert.Equal(subscription.Id, test.SubscriptionId);
        Assert.Equal(WebhookEvents.Test, test.EventType);
        Assert.Equal($"msg_{test.Id:N}", test.WebhookId);
        Assert.Equal(Now, test.NextAttemptAt);
        Assert.NotEqual(test.Id, DeliveryPlanner.PlanTest(subscription, Schedule, Now).Id);
    }
}
