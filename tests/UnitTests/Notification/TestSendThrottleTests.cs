using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class TestSendThrottleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Allows_the_quota_in_a_window_then_says_when_the_oldest_send_leaves_it()
    {
        var throttle = new TestSendThrottle(3, TimeSpan.FromMinutes(1));
        var subscription = Guid.NewGuid();

        Assert.Null(throttle.TryAcquire(subscription, T0));
        Assert.Null(throttle.TryAcquire(subscription, T0.AddSeconds(10)));
        Assert.Null(throttle.TryAcquire(subscription, T0.AddSeconds(20)));

        Assert.Equal(TimeSpan.FromSeconds(30), throttle.TryAcquire(subscription, T0.AddSeconds(30)));
        Assert.Equal(TimeSpan.FromTicks(1), throttle.TryAcquire(subscription, T0.AddMinutes(1).AddTicks(-1)));
        Assert.Null(throttle.TryAcquire(subscription, T0.AddMinutes(1)));
        Assert.NotNull(throttle.TryAcquire(subscription, T0.AddMinutes(1)));
    }

    [Fact]
    public void Refused_attempts_do_not_count_and_subscriptions_are_counted_apart()
    {
        var throttle = new TestSendThrottle(1, TimeSpan.FromMinutes(1));
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        Assert.Null(throttle.TryAcquire(first, T0));
        for (var i = 1; i <= 10; i++)
        {
            Assert.NotNull(throttle.TryAcquire(first, T0.AddSeconds(i)));
        }

        Assert.Null(throttle.TryAcquire(second, T0.AddSeconds(5)));
        Assert.Null(throttle.TryAcquire(first, T0.AddMinutes(1)));
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(1, 0)]
    public void A_quota_or_window_of_zero_is_refused(int perWindow, int seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TestSendThrottle(perWindow, TimeSpan.FromSeconds(seconds)));
}
