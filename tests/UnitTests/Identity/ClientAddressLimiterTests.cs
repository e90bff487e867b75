using System.Net;
using SafetyReports.Identity.Configuration;
using SafetyReports.Identity.Throttling;

namespace SafetyReports.UnitTests.Identity;

public class ClientAddressLimiterTests
{
    [Fact]
    public void An_address_over_its_permits_waits_for_its_window_and_another_address_does_not()
    {
        using var limiter = new ClientAddressLimiter(permitsPerMinute: 2);
        var client = IPAddress.Parse("198.51.100.7");

        Assert.True(limiter.TryAcquire(client, out _));
        Assert.True(limiter.TryAcquire(client, out _));
        Assert.False(limiter.TryAcquire(client, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromTicks(1), ClientAddressLimiter.Window);

        Assert.True(limiter.TryAcquire(IPAddress.Parse("198.51.100.8"), out _));
    }

    [Fact]
    public void An_ipv6_client_is_counted_by_its_64_and_a_mapped_ipv4_address_as_itself()
    {
        Assert.Equal("2001:db8:1:2::/64", ClientAddressLimiter.KeyOf(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
        Assert.Equal(ClientAddressLimiter.KeyOf(IPAddress.Parse("2001:db8:1:2::1")), ClientAddressLimiter.KeyOf(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.NotEqual(ClientAddressLimiter.KeyOf(IPAddress.Parse("2001:db8:1:2::1")), ClientAddressLimiter.KeyOf(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("192.0.2.1", ClientAddressLimiter.KeyOf(IPAddress.Parse("::ffff:192.0.2.1")));
        Assert.Equal("unknown", ClientAddressLimiter.KeyOf(null));

        using var limiter = new ClientAddressLimiter(permitsPerMinute: 1);
        Assert.True(limiter.TryAcquire(IPAddress.Parse("2001:db8:1:2::1"), out _));
        Assert.False(limiter.TryAcquire(IPAddress.Parse("2001:db8:1:2::2"), out _));
    }

    [Theory]
    [InlineData(0.2, 1)]
    [InlineData(1, 1)]
    [InlineData(59.01, 60)]
    public void Retry_after_is_whole_seconds_rounded_up(double seconds, int expected)
    {
        Assert.Equal(expected, ClientAddressLimiter.Seconds(TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, -1)]
    [InlineData(RequestLimitOptions.Max + 1, 10)]
    public void A_limit_that_would_switch_the_control_off_is_refused(int signIn, int token)
    {
        var errors = RequestLimitValidator.FindErrors(new RequestLimitOptions { SignInAttemptsPerMinute = signIn, TokenRequestsPerMinute = token });
        Assert.Single(errors);
        Assert.StartsWith("SafetyReports:Identity:RateLimit:", errors[0]);
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(RequestLimitValidator.FindErrors(new RequestLimitOptions()));
    }
}
