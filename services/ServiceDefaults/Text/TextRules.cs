namespace SafetyReports.ServiceDefaults.Text;

/// <summary>
/// Characters free text from outside (reports, answers, hosts' notes) may not carry: control characters
/// and direction marks or overrides hide or reorder text shown to maintainers and kept in the audit chain;
/// an unpaired UTF-16 surrogate is not a character at all and cannot be stored as UTF-8 faithfully (it
/// would turn into U+FFFD on the way to a store, so the stored text and its audit hash would differ from
/// what was checked).
/// </summary>
public static class TextRules
{
    public static bool HasForbiddenCharacters(string value, bool multiline)
    {
        if (HasLoneSurrogate(value))
        {
            return true;
        }

        foreach (var c in value)
        {
            if (c is '\n' or '\r' or '\t')
            {
                if (!multiline && c != '\t')
                {
                    return true;
                }

                continue;
            }

            if (char.IsControl(c) || IsBidiControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.</summary>
    public static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Text a reader sees as empty: only white space and <see cref="InvisibleCharacters"/>
    /// (<see cref="string.IsNullOrWhiteSpace"/> counts a zero-width space as text).
    /// </summary>
    public static bool IsBlank(string? value)
    {
        if (value is null)
        {
            return true;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsWhiteSpace(value[i]))
            {
                continue;
            }

            var width = InvisibleCharacters.LengthAt(value, i);
            if (width == 0)
            {
                return false;
            }

            i += width - 1;
        }

        return true;
    }

    private static bool IsBidiControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
