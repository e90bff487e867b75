using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class EndpointHealthTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan FiveDays = EndpointHealth.DefaultAutoDisableAfter;

    private static Subscription Failing(DateTimeOffset? since, bool enabled = true) =>
        new(Guid.NewGuid(), "hub", "https://hooks.example.org", [WebhookEvents.Triaged], ["**"], "secret", enabled, Now, FailingSince: since);

    [Fact]
    public void The_default_period_is_five_days()
    {
        Assert.Equal(TimeSpan.FromDays(5), FiveDays);
        Assert.Equal(FiveDays, new SafetyReports.Notification.NotificationOptions().AutoDisableAfter);
    }

    [Fact]
    public void A_failure_starts_the_failing_period_once_and_a_success_ends_it()
    {
        var first = EndpointHealth.FailingSince(null, succeeded: false, Now);
        Assert.Equal(Now, first);
        Assert.Equal(Now, EndpointHealth.FailingSince(first, succeeded: false, Now.AddDays(1)));
        Assert.Null(EndpointHealth.FailingSince(first, succeeded: true, Now.AddDays(2)));
    }

    [Fact]
    public void A_subscription_failing_for_the_whole_period_is_disabled()
    {
        Assert.False(EndpointHealth.ShouldDisable(Failing(Now), Now.AddDays(5).AddTicks(-1), FiveDays));
        Assert.True(EndpointHealth.ShouldDisable(Failing(Now), Now.AddDays(5), FiveDays));
    }

    [Fact]
    public void A_healthy_or_already_disabled_subscription_is_left_alone()
    {
        Assert.False(EndpointHealth.ShouldDisable(Failing(null), Now.AddYears(1), FiveDays));
        Assert.False(EndpointHealth.ShouldDisable(Failing(Now, enabled: false), Now.AddYears(1), FiveDays));
    }
}
