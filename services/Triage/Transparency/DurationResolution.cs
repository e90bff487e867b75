namespace SafetyReports.Triage.Transparency;

/// <summary>
/// Durations are counted at a resolution that grows with their size — a minute below an hour, five minutes
/// below six hours, a quarter hour below a day, an hour below a week, six hours below thirty days, a day
/// beyond — so medians and 90th percentiles are exact over the rounded values while the counters stay small
/// enough to add up per host and month. Rounding is always down: by less than a minute below an hour, by
/// less than 8 % from an hour up (five minutes at one hour).
/// </summary>
public static class DurationResolution
{
    private static readonly (TimeSpan Below, TimeSpan Step)[] Bands =
    [
        (TimeSpan.FromHours(1), TimeSpan.FromMinutes(1)),
        (TimeSpan.FromHours(6), TimeSpan.FromMinutes(5)),
        (TimeSpan.FromDays(1), TimeSpan.FromMinutes(15)),
        (TimeSpan.FromDays(7), TimeSpan.FromHours(1)),
        (TimeSpan.FromDays(30), TimeSpan.FromHours(6)),
    ];

    /// <summary>The longest duration told apart; longer ones count as this.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(730);

    /// <summary>The duration rounded down to its resolution, in whole minutes (negative clock skew counts as zero).</summary>
    public static int ToMinutes(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return 0;
        }

        if (duration > Longest)
        {
            duration = Longest;
        }

        var step = TimeSpan.FromDays(1);
        foreach (var (below, bandStep) in Bands)
        {
            if (duration < below)
            {
                step = bandStep;
                break;
            }
        }

        return (int)(duration.Ticks / step.Ticks * step.Ticks / TimeSpan.TicksPerMinute);
    }
}
