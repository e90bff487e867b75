namespace SafetyReports.Triage.Transparency;

/// <summary>A calendar month in UTC as <c>yyyyMM</c> (202611), the unit figures are kept and asked for in.</summary>
public static class TransparencyMonth
{
    public static int Of(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return utc.Year * 100 + utc.Month;
    }

    public static DateTimeOffset Start(int month) => new(month / 100, month % 100, 1, 0, 0, 0, TimeSpan.Zero);

    public static int Add(int month, int months)
    {
        var start = Start(month).AddMonths(months);
        return start.Year * 100 + start.Month;
    }

    public static string Format(int month) => Start(month).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out int month)
    {
        month = 0;
        if (text is not { Length: 7 } || !DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            || parsed.Year < 2000)
        {
            return false;
        }

        month = parsed.Year * 100 + parsed.Month;
        return true;
    }
}
