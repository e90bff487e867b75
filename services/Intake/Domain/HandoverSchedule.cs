namespace SafetyReports.Intake.Domain;

/// <summary>
/// When Intake sends a submission to Triage again if no confirmation came: soon at first, then
/// backing off to a ceiling, never giving up.
/// </summary>
public sealed record HandoverSchedule(TimeSpan FirstRetry, TimeSpan MaxRetry)
{
    public static readonly HandoverSchedule Default = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2));

    /// <param name="attempts">How many times the submission has been published so far (at least 1).</param>
    public DateTimeOffset NextAttempt(DateTimeOffset now, int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetry.Ticks * Math.Pow(2, exponent), MaxRetry.Ticks));
        return now + delay;
    }
}
