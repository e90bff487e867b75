using Microsoft.Extensions.Caching.Distributed;
using SafetyReports.Portal.Auth;

namespace SafetyReports.UnitTests.Portal;

public sealed class SessionEntryExpiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_entry_expires_at_the_earlier_of_its_absolute_expiry_and_its_window()
    {
        Assert.Equal(Now.AddMinutes(30), SessionEntryExpiry.Of(new() { SlidingExpiration = TimeSpan.FromMinutes(30), AbsoluteExpiration = Now.AddHours(1) }, Now).ExpiresAt);
        Assert.Equal(Now.AddMinutes(20), SessionEntryExpiry.Of(new() { SlidingExpiration = TimeSpan.FromMinutes(30), AbsoluteExpiration = Now.AddMinutes(20) }, Now).ExpiresAt);
        Assert.Equal(Now.AddHours(2), SessionEntryExpiry.Of(new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(2) }, Now).ExpiresAt);
        Assert.Throws<ArgumentException>(() => SessionEntryExpiry.Of(new DistributedCacheEntryOptions(), Now));
    }

    [Fact]
    public void A_read_moves_a_sliding_window_on_up_to_the_absolute_expiry_and_leaves_a_fixed_entry_alone()
    {
        var sliding = SessionEntryExpiry.Of(new() { SlidingExpiration = TimeSpan.FromMinutes(30), AbsoluteExpiration = Now.AddMinutes(50) }, Now);
        Assert.Equal(Now.AddMinutes(40), sliding.SlidAt(Now.AddMinutes(10)));
        Assert.Equal(Now.AddMinutes(50), sliding.SlidAt(Now.AddMinutes(25)));

        var open = SessionEntryExpiry.Of(new() { SlidingExpiration = TimeSpan.FromMinutes(30) }, Now);
        Assert.Equal(Now.AddHours(3).AddMinutes(30), open.SlidAt(Now.AddHours(3)));

        var fixedEntry = SessionEntryExpiry.Of(new() { AbsoluteExpiration = Now.AddHours(8) }, Now);
        Assert.Equal(Now.AddHours(8), fixedEntry.SlidAt(Now.AddHours(1)));
    }
}
