namespace SafetyReports.Intake.Transparency;

/// <summary>A duration in seconds as a reader takes it in: minutes under two hours, hours under two days, then days.</summary>
public static class DurationText
{
    public static string Of(long seconds)
    {
        var minutes = seconds / 60.0;
        if (minutes < 120)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Round(minutes):0} min");
        }

        var hours = minutes / 60;
        return hours < 48
            ? string.Create(CultureInfo.InvariantCulture, $"{hours:0.#} h")
            : string.Create(CultureInfo.InvariantCulture, $"{hours / 24:0.#} days");
    }
}
