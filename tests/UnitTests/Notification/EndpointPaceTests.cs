using SafetyReports.Notification.Webhooks;

namespace SafetyReports.UnitTests.Notification;

public class EndpointPaceTests
{
    private static readonly TimeSpan Unknown = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(15);

    [Fact]
    public void An_endpoint_never_heard_from_gets_the_cautious_default()
    {
        var pace = new EndpointPace(Unknown, Max);
        pace.Record("https://a.example:443", TimeSpan.FromMilliseconds(10));

        Assert.Equal(Unknown, pace.DeferralWhenFull("https://b.example:443", 32, 4));
    }

    [Fact]
    public void A_fast_endpoint_drains_its_queue_quickly_so_the_delivery_comes_back_soon()
    {
        var pace = new EndpointPace(Unknown, Max);
        pace.Record("fast", TimeSpan.FromMilliseconds(20));

        Assert.Equal(TimeSpan.FromMilliseconds(160), pace.DeferralWhenFull("fast", 32, 4));
        Assert.Equal(EndpointPace.MinDeferral, pace.DeferralWhenFull("fast", 1, 4));
    }

    [Fact]
    public void A_black_hole_pushes_the_deferral_to_the_cap()
    {
        var pace = new EndpointPace(Unknown, Max);
        pace.Record("hole", TimeSpan.FromSeconds(15));

        Assert.Equal(Max, pace.DeferralWhenFull("hole", 32, 4));
    }

    [Fact]
    public void The_average_follows_recent_attempts()
    {
        var pace = new EndpointPace(Unknown, Max);
        pace.Record("e", TimeSpan.FromMilliseconds(100));
        pace.Record("e", TimeSpan.FromMilliseconds(600));

        // 100 + 0.2 × (600 − 100) = 200 ms per attempt; 8 rounds for 32 queued at 4 at a time.
        Assert.Equal(TimeSpan.FromMilliseconds(1600), pace.DeferralWhenFull("e", 32, 4));
    }
}
