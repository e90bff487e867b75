namespace SafetyReports.ServiceDefaults.Email;

/// <summary>
/// When a mail the server did not take is tried again: one minute after the first failure, doubling up to six hours, and
/// never given up (a mail is never lost; an SMTP server down for a weekend is still caught up).
/// </summary>
public static class MailRetry
{
    public static readonly TimeSpan First = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Longest = TimeSpan.FromHours(6);

    /// <summary>The wait after the <paramref name="failures"/>-th failed attempt (1 for the first).</summary>
    public static TimeSpan After(int failures)
    {
        if (failures < 1)
        {
            return TimeSpan.Zero;
        }

        // 2^9 minutes is past the cap already: no overflow for any count.
        var exponent = Math.Min(failures - 1, 9);
        var wait = First * Math.Pow(2, exponent);
        return wait < Longest ? wait : Longest;
    }
}
