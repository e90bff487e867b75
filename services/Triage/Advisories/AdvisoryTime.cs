namespace SafetyReports.Triage.Advisories;

/// <summary>Times as both formats want them: RFC 3339 in UTC with a <c>Z</c> (OSV's pattern refuses an offset), dates as <c>yyyy-MM-dd</c>.</summary>
public static class AdvisoryTime
{
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
