using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SafetyReports.Intake.AntiAbuse;

public sealed record RateDecision(bool Allowed, TimeSpan RetryAfter);

/// <summary>
/// Per-client fixed windows (System.Threading.RateLimiting, as ASP.NET Core's middleware uses): one
/// for submissions that carry a proof of work, a stricter one for those that do not. The choice
/// depends on the request body, so endpoints ask here instead of a route-level policy.
/// </summary>
public sealed class SubmissionRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _challenged;
    private readonly PartitionedRateLimiter<string> _unchallenged;

    public SubmissionRateLimiter(IOptions<IntakeOptions> options)
    {
        var limits = options.Value.RateLimit;
        _challenged = Create(limits.PermitsPerMinute);
        _unchallenged = Create(limits.UnchallengedPermitsPerMinute);
    }

    public RateDecision TryAcquire(string clientHash, bool unchallenged)
    {
        using var lease = (unchallenged ? _unchallenged : _challenged).AttemptAcquire(clientHash);
        if (lease.IsAcquired)
        {
            return new RateDecision(true, TimeSpan.Zero);
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return new RateDecision(false, retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter);
    }

    public void Dispose()
    {
        _challenged.Dispose();
        _unchallenged.Dispose();
    }

    private static PartitionedRateLimiter<string> Create(int permitsPerMinute) =>
        PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permitsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
