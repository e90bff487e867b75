using SafetyReports.Identity.Site;

namespace SafetyReports.UnitTests.Identity;

public class UnknownAccountThrottleTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void The_fifth_failure_locks_for_fifteen_minutes_like_a_real_account()
    {
        var clock = new ManualClock();
        var throttle = new UnknownAccountThrottle(clock);

        Assert.Equal([false, false, false, false, true], Enumerable.Range(0, 5).Select(_ => throttle.RecordFailure("Nobody@Example.org")).ToList());
        Assert.True(throttle.IsLockedOut("nobody@example.org"));
        Assert.False(throttle.IsLockedOut("somebody@example.org"));

        clock.Now += TimeSpan.FromMinutes(14);
        Assert.True(throttle.IsLockedOut("nobody@example.org"));
        clock.Now += TimeSpan.FromMinutes(1);
        Assert.False(throttle.IsLockedOut("nobody@example.org"));
        Assert.False(throttle.RecordFailure("nobody@example.org"));
    }

    [Fact]
    public void A_full_table_forgets_rather_than_grows()
    {
        var throttle = new UnknownAccountThrottle(new ManualClock());
        for (var i = 0; i <= UnknownAccountThrottle.Capacity; i++)
        {
            throttle.RecordFailure($"user{i}@example.org");
        }

        for (var i = 0; i < 4; i++)
        {
            throttle.RecordFailure("last@example.org");
        }

        Assert.True(throttle.RecordFailure("last@example.org"));
    }
}
