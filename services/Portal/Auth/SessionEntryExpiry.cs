namespace SafetyReports.Portal.Auth;

/// <summary>
/// When a session entry expires, the same in every session cache: at its absolute expiry, or at the end of
/// its sliding window when that comes first; a read moves the window on, never past the absolute expiry.
/// </summary>
public sealed record SessionEntryExpiry(DateTimeOffset ExpiresAt, TimeSpan? Sliding, DateTimeOffset? Absolute)
{
    public static SessionEntryExpiry Of(DistributedCacheEntryOptions options, DateTimeOffset now)
    {
        var absolute = options.AbsoluteExpiration ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? now + relative : null);
        var sliding = options.SlidingExpiration;
        var expires = Earliest(absolute, sliding is { } window ? now + window : null)
            ?? throw new ArgumentException("A session entry needs an expiry.", nameof(options));
        return new SessionEntryExpiry(expires, sliding, absolute);
    }

    /// <summary>The expiry after a read at <paramref name="now"/>; unchanged for an entry without a sliding window.</summary>
    public DateTimeOffset SlidAt(DateTimeOffset now) =>
        Sliding is { } window ? Earliest(Absolute, now + window)!.Value : ExpiresAt;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
