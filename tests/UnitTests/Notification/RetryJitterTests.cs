using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class RetryJitterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly RetrySchedule Schedule = new([TimeSpan.Zero, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5)]);

    [Theory]
    [InlineData(0.0, 9.0)]
    [InlineData(0.5, 10.0)]
    [InlineData(0.75, 10.5)]
    [InlineData(0.999999, 10.99999)]
    public void Spreads_a_delay_by_up_to_the_fraction_either_way(double random, double expectedSeconds)
    {
        var jitter = new RetryJitter(0.1, () => random);
        Assert.Equal(expectedSeconds, jitter.Apply(TimeSpan.FromSeconds(10)).TotalSeconds, precision: 4);
    }

    [Fact]
    public void No_jitter_and_zero_delays_stay_as_they_are()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), RetryJitter.None.Apply(TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.Zero, new RetryJitter(0.1, () => 0).Apply(TimeSpan.Zero));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    public void A_fraction_outside_zero_to_one_is_refused(double fraction)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryJitter(fraction, () => 0.5));
    }

    [Fact]
    public void The_schedule_applies_jitter_to_its_delay()
    {
        var early = new RetryJitter(0.1, () => 0);
        Assert.Equal(Now + TimeSpan.FromSeconds(9), Schedule.NextAttempt(Now, 1, null, early));
        Assert.Equal(Now + TimeSpan.FromSeconds(270), Schedule.NextAttempt(Now, 2, null, early));
        Assert.Null(Schedule.NextAttempt(Now, 3, null, early));
    }

    [Fact]
    public void A_retry_after_is_honoured_as_asked_when_longer_than_the_jittered_delay_and_capped_at_a_day()
    {
        var late = new RetryJitter(0.1, () => 0.999999);
        Assert.Equal(Now + TimeSpan.FromSeconds(30), Schedule.NextAttempt(Now, 1, TimeSpan.FromSeconds(30), late));
        var jittered = Schedule.NextAttempt(Now, 1, TimeSpan.FromSeconds(10.5), late)!.Value;
        Assert.Equal(10.99999, (jittered - Now).TotalSeconds, precision: 4);
        Assert.Equal(Now + RetrySchedule.MaxRetryAfter, Schedule.NextAttempt(Now, 1, TimeSpan.FromDays(30), late));
    }

    [Fact]
    public void Delivery_rules_pass_the_jitter_on()
    {
        var delivery = new Delivery(Guid.NewGuid(), Guid.NewGuid(), "hub", Guid.NewGuid(), WebhookEvents.Triaged, "msg_x", "{}",
            DeliveryStatuses.Pending, 0, Now, Now, null);
        var outcome = DeliveryRules.AfterAttempt(delivery, 500, null, Schedule, Now, new RetryJitter(0.1, () => 1 - 1e-9));
        Assert.Equal(11, (outcome.Delivery.NextAttemptAt!.Value - Now).TotalSeconds, precision: 3);
    }
}
