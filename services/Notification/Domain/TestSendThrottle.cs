using System.Collections.Concurrent;

namespace SafetyReports.Notification.Domain;

/// <summary>
/// At most <see cref="PerWindow"/> test-sends per subscription in any sliding <see cref="Window"/>: a
/// test-send makes a request to an address the caller chose, so it must not become a way to flood it.
/// Kept per process; with several replicas each allows its own share, which is still bounded.
/// </summary>
public sealed class TestSendThrottle(int perWindow, TimeSpan window)
{
    public const int DefaultPerMinute = 5;

    private readonly ConcurrentDictionary<Guid, Queue<DateTimeOffset>> _sends = new();

    public int PerWindow { get; } = perWindow > 0 ? perWindow : throw new ArgumentOutOfRangeException(nameof(perWindow));

    public TimeSpan Window { get; } = window > TimeSpan.Zero ? window : throw new ArgumentOutOfRangeException(nameof(window));

    /// <returns>Null when the send may go now (and it is counted), else how long until it may.</returns>
    public TimeSpan? TryAcquire(Guid subscriptionId, DateTimeOffset now)
    {
        var sends = _sends.GetOrAdd(subscriptionId, _ => new Queue<DateTimeOffset>(PerWindow));
        lock (sends)
        {
            while (sends.Count > 0 && sends.Peek() <= now - Window)
            {
                sends.Dequeue();
            }

            if (sends.Count >= PerWindow)
            {
                return sends.Peek() + Window - now;
            }

            sends.Enqueue(now);
            return null;
        }
    }
}
