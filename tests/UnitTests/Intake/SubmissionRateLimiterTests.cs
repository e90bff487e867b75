using System.Net;
using Microsoft.Extensions.Options;
using SafetyReports.Intake;
using SafetyReports.Intake.AntiAbuse;
using SafetyReports.Intake.Domain;
using SafetyReports.UnitTests.Triage;

namespace SafetyReports.UnitTests.Intake;

public class SubmissionRateLimiterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 30, TimeSpan.Zero);
    private static readonly IPAddress A = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress B = IPAddress.Parse("203.0.113.8");

    private readonly ManualClock _clock = new(Start);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SubmissionRateLimiter Limiter(int permits, int unchallenged, IRateCounterStore? counters = null) => new(
        counters ?? new InMemoryRateCounterStore(),
        Options.Create(new IntakeOptions
        {
            RateLimit = new IntakeOptions.RateLimitOptions { PermitsPerMinute = permits, UnchallengedPermitsPerMinute = unchallenged },
        }),
        _clock);

    [Fact]
    public async Task Each_client_gets_its_own_window_and_a_retry_after_until_it_ends()
    {
        var limiter = Limiter(2, 1);
        Assert.True((await limiter.TryAcquireAsync(A, false, Ct)).Allowed);
        _clock.Now += TimeSpan.FromSeconds(20);
        Assert.True((await limiter.TryAcquireAsync(A, false, Ct)).Allowed);
        _clock.Now += TimeSpan.FromSeconds(0.5);
        var refused = await limiter.TryAcquireAsync(A, false, Ct);
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(40), refused.RetryAfter);
        Assert.True((await limiter.TryAcquireAsync(B, false, Ct)).Allowed);

        _clock.Now += TimeSpan.FromSeconds(39.5);
        Assert.True((await limiter.TryAcquireAsync(A, false, Ct)).Allowed);
    }

    [Fact]
    public async Task Submissions_without_proof_of_work_have_the_stricter_limit()
    {
        var limiter = Limiter(5, 1);
        Assert.True((await limiter.TryAcquireAsync(A, true, Ct)).Allowed);
        Assert.False((await limiter.TryAcquireAsync(A, true, Ct)).Allowed);
        Assert.True((await limiter.TryAcquireAsync(A, false, Ct)).Allowed);
    }

    [Fact]
    public async Task Addresses_of_one_ipv6_64_are_one_client_and_two_limiters_on_one_store_share_the_count()
    {
        var shared = new InMemoryRateCounterStore();
        var replicaA = Limiter(2, 1, shared);
        var replicaB = Limiter(2, 1, shared);
        Assert.True((await replicaA.TryAcquireAsync(IPAddress.Parse("2001:db8:1:2::1"), false, Ct)).Allowed);
        Assert.True((await replicaB.TryAcquireAsync(IPAddress.Parse("2001:db8:1:2:ffff::9"), false, Ct)).Allowed);
        Assert.False((await replicaA.TryAcquireAsync(IPAddress.Parse("2001:db8:1:2::abcd"), false, Ct)).Allowed);
        Assert.True((await replicaB.TryAcquireAsync(IPAddress.Parse("2001:db8:1:3::1"), false, Ct)).Allowed);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("   ", false)]
    [InlineData("I can send the full transcript.", true)]
    [InlineData("bidi \u202E override", false)]
    public void Validates_answers(string? message, bool valid) => Assert.Equal(valid, ReplyValidator.Validate(message) is null);
}
