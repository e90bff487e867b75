namespace SafetyReports.ServiceDefaults.Email;

/// <summary>
/// When a mail the server did not take is tried again: <see cref="EmailOptions.FirstRetry"/> (a minute) after the first
/// failure, doubling up to <see cref="EmailOptions.LongestRetry"/> (six hours), and never given up: a mail is never lost,
/// and an SMTP server down for a weekend is still caught up.
/// </summary>
public static class MailRetry
{
    /// <summary>The wait after the <paramref name="failures"/>-th failed attempt (1 for the first).</summary>
    public static TimeSpan After(int failures, TimeSpan first, TimeSpan longest)
    {
        if (failures < 1)
        {
            return TimeSpan.Zero;
        }

        // Past 2^20 times the first wait any sensible cap is reached: no overflow for any count.
        var wait = first * Math.Pow(2, Math.Min(failures - 1, 20));
        return wait < longest ? wait : longest;
    }
}
