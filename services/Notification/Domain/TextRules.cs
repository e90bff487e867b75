namespace SafetyReports.Notification.Domain;

/// <summary>
/// Free text hosts send us ends up in maintainers' screens and the audit chain: control characters
/// (but tabs and line breaks) and bidirectional overrides, which can disguise text, are refused.
/// </summary>
public static class TextRules
{
    public static bool IsClean(string text) => !text.Any(IsForbidden);

    private static bool IsForbidden(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
