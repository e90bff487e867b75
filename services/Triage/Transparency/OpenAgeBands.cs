namespace SafetyReports.Triage.Transparency;

/// <summary>How long open reports have waited since they were received, in whole UTC days.</summary>
public static class OpenAgeBands
{
    public static readonly IReadOnlyList<(string Name, int FromDays)> All =
    [
        ("under7Days", 0),
        ("7To29Days", 7),
        ("30To89Days", 30),
        ("90DaysOrMore", 90),
    ];

    public static int Of(DateTimeOffset receivedDay, DateTimeOffset asOf)
    {
        var days = (asOf.UtcDateTime.Date - receivedDay.UtcDateTime.Date).Days;
        for (var band = All.Count - 1; band > 0; band--)
        {
            if (days >= All[band].FromDays)
            {
                return band;
            }
        }

        return 0;
    }
}
