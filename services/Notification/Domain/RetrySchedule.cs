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
    /// <summary>The longest <c>Retry-After</c> honoured: a receiver cannot park our queue for days.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(24);

    /// <param name="retryAfter">A delay the receiver asked for (<c>Retry-After</c>), honoured when longer, up to <see cref="MaxRetryAfter"/>.</param>
    /// <param name="jitter">Spreads the scheduled delay; a <c>Retry-After</c> is honoured as asked.</param>
    /// <returns>When to try again, or null when the schedule is exhausted.</returns>
    public DateTimeOffset? NextAttempt(DateTimeOffset now, int attemptsMade, TimeSpan? retryAfter = null, RetryJitter? jitter = null)
    {
        if (attemptsMade >= Delays.Count)
        {
            return null;
        }

        var delay = (jitter ?? RetryJitter.None).Apply(Delays[attemptsMade]);
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked < MaxRetryAfter ? asked : MaxRetryAfter;
        }

        return now + delay;
    }
}
