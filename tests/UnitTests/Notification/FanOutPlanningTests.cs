using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;
using static SafetyReports.UnitTests.Contracts.FileDigestsTests;

namespace SafetyReports.UnitTests.Notification;

/// <summary>A report planned for a host serving a copy of its model: its own route, told as about its own model, announced once.</summary>
public class FanOutPlanningTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly RetrySchedule Schedule = new([TimeSpan.Zero]);
    private static readonly HostReportLinks Links = new("https://reports.example.org");
    private static readonly ModelCopy Copy = new("mirror", "someone/copy", RouteVia.Digest, [Digest('a')]);

    private static Subscription Sub(string host, string[] events) =>
        new(Guid.NewGuid(), host, "https://hooks.example.org", events, ["**"], "secret", true, Now);

    private static ReportStatusChanged Changed(string status, long version = 3, DateTimeOffset? triagedAt = null) => new(
        Guid.NewGuid(), status, null, version, new ModelReference("hub", "org/model", "v1", "https://hub.example/org/model", [Digest('a')]),
        "hate", "high", "Unsafe completions", null, Now, triagedAt);

    [Fact]
    public void A_copy_host_gets_its_own_route_and_deliveries_about_its_own_model_and_the_reach_is_announced()
    {
        var changed = Changed(ReportStatuses.Triaged);
        var subscription = Sub("mirror", [WebhookEvents.Triaged]);

        var plan = DeliveryPlanner.Plan(changed, null, [subscription], Links, Schedule, Now, Copy);

        Assert.Equal(("mirror", "someone/copy", RouteVia.Digest), (plan.Route!.HostId, plan.Route.ModelId, plan.Route.Via));
        Assert.Equal(new ModelReference("mirror", "someone/copy", FileDigests: [Digest('a')]), plan.Route.Summary!.Model);
        var delivery = Assert.Single(plan.Deliveries);
        Assert.Equal("mirror", delivery.HostId);
        Assert.Contains("\"host\":\"mirror\"", delivery.Payload);
        Assert.DoesNotContain("hub.example", delivery.Payload);
        Assert.Equal(typeof(ReportReachedHost).FullName, plan.AnnounceIfNew!.MessageType);
    }

    [Fact]
    public void The_host_the_report_names_is_planned_as_before_and_announces_nothing()
    {
        var plan = DeliveryPlanner.Plan(Changed(ReportStatuses.Triaged), null, [Sub("hub", [WebhookEvents.Triaged])], Links, Schedule, Now);

        Assert.Equal((RouteVia.Report, "hub"), (plan.Route!.Via, plan.Route.HostId));
        Assert.Null(plan.AnnounceIfNew);
    }

    [Fact]
    public void A_host_found_later_hears_of_a_resolved_report_as_a_triaged_one_with_its_current_status()
    {
        var summary = new ReportSummary(ReportStatuses.Resolved, 9, new ModelReference("hub", "org/model"), "hate", "high", "Unsafe", Now.AddDays(-1));
        var reported = new ReportRoute(Guid.NewGuid(), "hub", "org/model", Now.AddDays(-5), null, null, summary);
        var subscription = Sub("mirror", [WebhookEvents.Triaged]);

        var plan = DeliveryPlanner.PlanNewHost(reported, Copy with { Via = RouteVia.Maintainers }, [subscription], Links, Schedule, Now);

        Assert.Equal(RouteVia.Maintainers, plan.Route!.Via);
        Assert.Equal(ReportStatuses.Resolved, plan.Route.Summary!.Status);
        var delivery = Assert.Single(plan.Deliveries);
        Assert.Equal(WebhookEvents.Triaged, delivery.EventType);
        Assert.Contains("\"status\":\"resolved\"", delivery.Payload);
        Assert.Equal(DeterministicId.From($"{reported.ReportId:N}/reached/{subscription.Id:N}"), delivery.Id);
    }

    [Fact]
    public void Routes_are_keyed_by_report_and_host()
    {
        var report = Guid.NewGuid();
        Assert.Equal(RouteIds.For(report, "hub"), new ReportRoute(report, "hub", "m", Now, null, null).Id);
        Assert.NotEqual(RouteIds.For(report, "hub"), RouteIds.For(report, "mirror"));
    }
}
