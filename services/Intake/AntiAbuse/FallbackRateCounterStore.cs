namespace SafetyReports.Intake.AntiAbuse;

/// <summary>
/// The shared counters, and this process's own when they fail: a MongoDB outage must not stop reports, so the
/// limits fall back to per replica (as without a shared store) rather than failing open or closed. After a
/// failure the shared store is left alone for <see cref="Pause"/>, so a down server costs each request nothing.
/// </summary>
public sealed partial class FallbackRateCounterStore(
    IRateCounterStore shared, IRateCounterStore local, TimeProvider clock, ILogger<FallbackRateCounterStore> logger) : IRateCounterStore
{
    /// <summary>Longer than a healthy round trip by far, short enough that a submission does not hang on a dead server.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(30);

    private long _sharedPausedUntilTicks;

    public bool UsingLocal => clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _sharedPausedUntilTicks);

    public async Task<WindowAnswer> TryCountAsync(string key, int limit, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        if (UsingLocal)
        {
            return await local.TryCountAsync(key, limit, now, window, cancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            return await shared.TryCountAsync(key, limit, now, window, timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Exchange(ref _sharedPausedUntilTicks, (clock.GetUtcNow() + Pause).UtcTicks);
            LogSharedCountersFailed(ex, Pause);
            return await local.TryCountAsync(key, limit, now, window, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared rate-limit counters failed; this replica counts on its own for {Pause}")]
    private partial void LogSharedCountersFailed(Exception exception, TimeSpan pause);
}
