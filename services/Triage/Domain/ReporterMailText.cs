using System.Resources;

namespace SafetyReports.Triage.Domain;

/// <summary>The texts of the reporter's mails (Resources/ReporterMailText*.resx), read in the report's language.</summary>
public static class ReporterMailText
{
    private static readonly ResourceManager Resources = new("SafetyReports.Triage.Resources.ReporterMailText", typeof(ReporterMailText).Assembly);

    public static string Get(string key, string language, params object?[] arguments)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var text = Resources.GetString(key, culture) ?? throw new InvalidOperationException($"No mail text {key}.");
        return arguments.Length == 0 ? text : string.Format(culture, text, arguments);
    }

    /// <summary>The harm category as the taxonomy names it, in <paramref name="language"/>; the code itself for one the texts do not know.</summary>
    public static string Category(string code, string language) =>
        Resources.GetString($"Category_{code}", CultureInfo.GetCultureInfo(language)) ?? code;
}
