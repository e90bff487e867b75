using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class ReminderRuleTests
{
    private static readonly DateTimeOffset Told = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = ReminderRule.DefaultInterval;
    private static readonly RetrySchedule Schedule = new([TimeSpan.Zero]);

    private static ReportRoute Route(string status = ReportStatuses.HostNotified) =>
        new(Guid.NewGuid(), "hub", "org/model", Told, null, null,
            new ReportSummary(status, 4, new ModelReference("hub", "org/model"), "hate", "high", "Title", Told));

    [Fact]
    public void The_default_interval_is_seven_days()
    {
        Assert.Equal(TimeSpan.FromDays(7), Week);
        Assert.Equal(Week, new SafetyReports.Notification.NotificationOptions().ReminderInterval);
    }

    [Fact]
    public void An_unacknowledged_report_is_due_a_week_after_it_was_told_and_a_week_after_each_reminder()
    {
        var route = Route();
        Assert.False(ReminderRule.IsDue(route, Told + Week - TimeSpan.FromSeconds(1), Week));
        Assert.True(ReminderRule.IsDue(route, Told + Week, Week));

        var reminded = route with { LastRemindedAt = Told + Week, RemindersSent = 1 };
        Assert.False(ReminderRule.IsDue(reminded, Told + Week + Week - TimeSpan.FromSeconds(1), Week));
        Assert.True(ReminderRule.IsDue(reminded, Told + Week + Week, Week));
    }

    [Fact]
    public void An_acknowledged_report_is_never_due()
    {
        Assert.False(ReminderRule.IsDue(Route() with { AcknowledgedAt = Told.AddDays(1) }, Told.AddYears(1), Week));
    }

    [Theory]
    [InlineData(ReportStatuses.Resolved)]
    [InlineData(ReportStatuses.Rejected)]
    [InlineData(ReportStatuses.Duplicate)]
    public void A_closed_report_is_never_due(string status)
    {
        Assert.False(ReminderRule.IsDue(Route(status), Told.AddYears(1), Week));
    }

    [Fact]
    public void A_route_from_before_summaries_counts_as_open()
    {
        Assert.True(ReminderRule.IsDue(Route() with { Summary = null }, Told + Week, Week));
    }

    [Fact]
    public void A_reminder_goes_to_the_enabled_subscriptions_that_heard_of_the_report_with_ids_fixed_by_its_number()
    {
        var route = Route();
        Subscription Sub(string[] events, string pattern = "org/*", bool enabled = true) =>
            new(Guid.NewGuid(), "hub", "https://hooks.example.org", events, [pattern], "secret", enabled, Told);
        var triaged = Sub([WebhookEvents.Triaged]);
        var remindersOnly = Sub([WebhookEvents.Reminder]);
        var others = new[] { Sub([WebhookEvents.Resolved]), Sub([WebhookEvents.Triaged], "other/*"), Sub([WebhookEvents.Triaged], enabled: false) };

        var deliveries = DeliveryPlanner.PlanReminder(route, 2, [triaged, remindersOnly, .. others], HostReportLinks.PathOnly, Schedule, Told + Week * 2);

        Assert.Equal([triaged.Id, remindersOnly.Id], deliveries.Select(d => d.SubscriptionId));
        Assert.All(deliveries, d => Assert.Equal(WebhookEvents.Reminder, d.EventType));
        Assert.All(deliveries, d => Assert.Contains("\"reminder\":2", d.Payload));
        Assert.Equal(deliveries.Select(d => d.Id), DeliveryPlanner.PlanReminder(route, 2, [triaged, remindersOnly], HostReportLinks.PathOnly, Schedule, Told).Select(d => d.Id));
        Assert.NotEqual(deliveries[0].Id, DeliveryPlanner.PlanReminder(route, 3, [triaged], HostReportLinks.PathOnly, Schedule, Told)[0].Id);
    }
}
