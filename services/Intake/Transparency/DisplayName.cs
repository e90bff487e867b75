namespace SafetyReports.Intake.Transparency;

/// <summary>
/// A host or model name as the public page shows it. Names come from reporters: control and format
/// characters (text-direction overrides and isolates, zero-width characters) are dropped so a name cannot
/// reorder the text around it or hide part of itself, runs of white space become one space, and a long name
/// is shortened for charts. Escaping is left to the writer (Razor, <see cref="Charts.SvgCanvas"/>); links
/// and downloads use the name exactly as Triage has it.
/// </summary>
public static class DisplayName
{
    public const string Ellipsis = "…";

    /// <summary>The zero-width joiner stays: emoji sequences and some scripts need it, and it moves no text.</summary>
    private const char ZeroWidthJoiner = '\u200D';

    public static string Of(string? name, int maxLength = int.MaxValue)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }

        var clean = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                if (char.GetUnicodeCategory(name, i) is not (UnicodeCategory.Format or UnicodeCategory.PrivateUse))
                {
                    clean.Append(c).Append(name[i + 1]);
                }

                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (clean.Length > 0 && clean[^1] != ' ')
                {
                    clean.Append(' ');
                }
            }
            else if (c == ZeroWidthJoiner || char.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format
                         or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse))
            {
                clean.Append(c);
            }
        }

        var text = clean.ToString().TrimEnd();
        return Shorten(text, maxLength);
    }

    /// <summary>At most <paramref name="maxLength"/> characters as a reader counts them (text elements), the last an ellipsis when shortened.</summary>
    private static string Shorten(string text, int maxLength)
    {
        if (maxLength == int.MaxValue)
        {
            return text;
        }

        var info = new StringInfo(text);
        if (info.LengthInTextElements <= maxLength)
        {
            return text;
        }

        return info.SubstringByTextElements(0, Math.Max(0, maxLength - 1)).TrimEnd() + Ellipsis;
    }
}
