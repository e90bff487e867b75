namespace SafetyReports.Intake.Domain;

/// <summary>
/// When Intake sends a submission to Triage again if no confirmation came: soon at first, then
/// backing off to a ceiling, never giving up.
/// </summary>
public sealed record HandoverSchedule(TimeSpan FirstRetry, TimeSpan MaxRetry)
{
    public static readonly HandoverSchedule Default = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2));

    /// <param name="attempts">How many times the submission has been published so far (at least 1).</param>
    public DateTimeOffset NextAttempt(DateTimeOffset now, int attempts) => now + Delay(attempts);

    /// <summary>
    /// How long the copy published as attempt <paramref name="attempts"/> may wait in the broker: about its retry interval
    /// (twice the wait until the next copy), so one copy is always alive while no more than two of any submission pile up
    /// while Triage is down. An expired copy is dropped by the broker unread; the next re-publish replaces it.
    /// </summary>
    public TimeSpan TimeToLive(int attempts) => Delay(attempts) * 2;

    private TimeSpan Delay(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        return TimeSpan.FromTicks((long)Math.Min(FirstRetry.Ticks * Math.Pow(2, exponent), MaxRetry.Ticks));
    }
}
