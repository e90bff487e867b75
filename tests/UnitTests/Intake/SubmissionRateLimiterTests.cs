using Microsoft.Extensions.Options;
using SafetyReports.Intake;
using SafetyReports.Intake.AntiAbuse;
using SafetyReports.Intake.Domain;

namespace SafetyReports.UnitTests.Intake;

public class SubmissionRateLimiterTests
{
    private static SubmissionRateLimiter Limiter(int permits, int unchallenged) => new(Options.Create(new IntakeOptions
    {
        RateLimit = new IntakeOptions.RateLimitOptions { PermitsPerMinute = permits, UnchallengedPermitsPerMinute = unchallenged },
    }));

    [Fact]
    public void Each_client_gets_its_own_window_and_a_retry_after_when_over()
    {
        using var limiter = Limiter(2, 1);
        Assert.True(limiter.TryAcquire("a", false).Allowed);
        Assert.True(limiter.TryAcquire("a", false).Allowed);
        var refused = limiter.TryAcquire("a", false);
        Assert.False(refused.Allowed);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.True(limiter.TryAcquire("b", false).Allowed);
    }

    [Fact]
    public void Submissions_without_proof_of_work_have_the_stricter_limit()
    {
        using var limiter = Limiter(5, 1);
        Assert.True(limiter.TryAcquire("a", true).Allowed);
        Assert.False(limiter.TryAcquire("a", true).Allowed);
        Assert.True(limiter.TryAcquire("a", false).Allowed);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("   ", false)]
    [InlineData("I can send the full transcript.", true)]
    [InlineData("bidi \u202E override", false)]
    public void Validates_answers(string? message, bool valid) => Assert.Equal(valid, ReplyValidator.Validate(message) is null);
}
