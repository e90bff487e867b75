using System.Resources;

namespace SafetyReports.Intake.Transparency;

/// <summary>
/// A duration in seconds as a reader takes it in: minutes under two hours, hours under two days, then days — in
/// the page's language (its units from TransparencyText, its numbers in the page's culture).
/// </summary>
public static class DurationText
{
    // Read directly rather than through a localizer: the charts and cells that show durations are plain classes.
    private static readonly ResourceManager Units =
        new("SafetyReports.Intake.Resources.Transparency.TransparencyText", typeof(TransparencyText).Assembly);

    public static string Of(long seconds)
    {
        var minutes = seconds / 60.0;
        if (minutes < 120)
        {
            return Unit("Duration_Minutes", Math.Round(minutes).ToString("0", CultureInfo.CurrentCulture));
        }

        var hours = minutes / 60;
        return hours < 48
            ? Unit("Duration_Hours", hours.ToString("0.#", CultureInfo.CurrentCulture))
            : Unit("Duration_Days", (hours / 24).ToString("0.#", CultureInfo.CurrentCulture));
    }

    private static string Unit(string key, string number) =>
        string.Format(CultureInfo.CurrentCulture, Units.GetString(key, CultureInfo.CurrentUICulture) ?? "{0} " + key, number);
}
