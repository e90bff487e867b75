namespace SafetyReports.Notification.Domain;

/// <summary>
/// Entry N is the delay before attempt N+1 (entry 0 before the first). After the last entry's
/// attempt fails, the delivery has failed.
/// </summary>
public sealed class RetrySchedule
{
    public static readonly IReadOnlyList<TimeSpan> SvixDefault =
    [
        TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    public RetrySchedule(IReadOnlyList<TimeSpan> delays)
    {
        if (delays.Count == 0 || delays.Any(d => d < TimeSpan.Zero))
        {
            throw new ArgumentException("A retry schedule needs at least one delay, none negative.", nameof(delays));
        }

        Delays = delays;
    }

    public IReadOnlyList<TimeSpan> Delays { get; }

    public int MaxAttempts => Delays.Count;

    public DateTimeOffset FirstAttempt(DateTimeOffset created) => created + Delays[0];

    /// <param name="attemptsMade">Attempts made so far in this round, the failed one included.</param>
    /// <param name="retryAfter">A delay the receiver asked for (<c>Retry-After</c>), honoured when longer.</param>
    /// <returns>When to try again, or null when the schedule is exhausted.</returns>
    public DateTimeOffset? NextAttempt(DateTimeOffset now, int attemptsMade, TimeSpan? retryAfter = null)
    {
        if (attemptsMade >= Delays.Count)
        {
            return null;
        }

        var delay = Delays[attemptsMade];
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked;
        }

        return now + delay;
    }
}
