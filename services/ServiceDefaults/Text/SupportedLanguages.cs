namespace SafetyReports.ServiceDefaults.Text;

/// <summary>
/// The languages the public pages and the e-mails are written in. A report keeps its reporter's language
/// (one of these tags) so that every later mail to them reads in it.
/// </summary>
public static class SupportedLanguages
{
    public const string Default = "en";

    /// <summary>BCP 47 tags, in the order the language switcher lists them.</summary>
    public static readonly IReadOnlyList<string> Tags = ["en", "es", "fr", "de", "zh-Hans", "ar"];

    /// <summary>
    /// The supported tag a requested one falls under ("fr-CA" is French, "zh-CN" and "zh" are Simplified
    /// Chinese), or null when none does. Case does not matter.
    /// </summary>
    public static string? Match(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return null;
        }

        var tag = requested.Trim();
        foreach (var supported in Tags)
        {
            if (string.Equals(tag, supported, StringComparison.OrdinalIgnoreCase))
            {
                return supported;
            }
        }

        if (IsSimplifiedChinese(tag))
        {
            return "zh-Hans";
        }

        var primary = tag.Split('-', 2)[0];
        foreach (var supported in Tags)
        {
            if (string.Equals(primary, supported, StringComparison.OrdinalIgnoreCase))
            {
                return supported;
            }
        }

        return null;
    }

    public static bool IsRightToLeft(string tag) => string.Equals(tag, "ar", StringComparison.OrdinalIgnoreCase);

    // Traditional Chinese (zh-Hant, zh-TW, zh-HK, zh-MO) is another written language: no fallback to Simplified.
    private static bool IsSimplifiedChinese(string tag)
    {
        var parts = tag.Split('-');
        if (!string.Equals(parts[0], "zh", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            return true;
        }

        return parts[1].ToUpperInvariant() is "HANS" or "CN" or "SG";
    }
}
