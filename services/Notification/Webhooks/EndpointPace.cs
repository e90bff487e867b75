using System.Collections.Concurrent;

namespace SafetyReports.Notification.Webhooks;

/// <summary>
/// How fast each endpoint answers lately (a moving average of its attempts' durations), so a delivery
/// that finds its endpoint's lane full comes back when the lane will have drained: soon for a healthy
/// receiver taking a burst, about an attempt timeout later for a black hole.
/// </summary>
public sealed class EndpointPace(TimeSpan unknownEndpointDeferral, TimeSpan maxDeferral)
{
    public static readonly TimeSpan MinDeferral = TimeSpan.FromMilliseconds(50);
    private const double Weight = 0.2;

    private readonly ConcurrentDictionary<string, double> _averageMs = new();

    public void Record(string endpoint, TimeSpan took) =>
        _averageMs.AddOrUpdate(endpoint, took.TotalMilliseconds, (_, average) => average + (Weight * (took.TotalMilliseconds - average)));

    /// <summary>When to look again at a delivery whose endpoint has <paramref name="queued"/> attempts queued, <paramref name="concurrency"/> at a time.</summary>
    public TimeSpan DeferralWhenFull(string endpoint, int queued, int concurrency)
    {
        if (!_averageMs.TryGetValue(endpoint, out var averageMs))
        {
            return unknownEndpointDeferral;
        }

        var rounds = Math.Ceiling((double)Math.Max(queued, 1) / Math.Max(concurrency, 1));
        var drain = TimeSpan.FromMilliseconds(averageMs * rounds);
        return drain < MinDeferral ? MinDeferral : drain > maxDeferral ? maxDeferral : drain;
    }
}
