using System.Net;
using System.Threading.RateLimiting;

namespace SafetyReports.Identity.Throttling;

/// <summary>
/// Fixed one-minute windows per client address, on .NET's rate limiting (the same partitions ASP.NET Core's
/// middleware uses for the token endpoint). The address is the one the forwarded-headers rules left (a
/// trusted proxy's client, else the peer). An IPv6 client is counted by its /64, which one subscriber
/// normally holds whole; idle partitions are dropped by the limiter, so memory stays bounded by activity.
/// </summary>
public class ClientAddressLimiter(int permitsPerMinute) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _limiter =
        PartitionedRateLimiter.Create<string, string>(key => Partition(key, permitsPerMinute));

    /// <returns>True when the request may go on; otherwise how long until the address's window opens again.</returns>
    public bool TryAcquire(IPAddress? address, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(KeyOf(address));
        retryAfter = lease.IsAcquired ? TimeSpan.Zero : RetryAfter(lease);
        return lease.IsAcquired;
    }

    public static RateLimitPartition<string> Partition(string key, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>See <see cref="ClientAddressKey"/>.</summary>
    public static string KeyOf(IPAddress? address) => ClientAddressKey.Of(address);

    /// <summary>Whole seconds, at least one, as <c>Retry-After</c> carries them.</summary>
    public static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    public static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window;

    public void Dispose()
    {
        _limiter.Dispose();
        GC.SuppressFinalize(this);
    }
}
