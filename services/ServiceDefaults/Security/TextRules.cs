namespace SafetyReports.ServiceDefaults.Security;

/// <summary>
/// Characters free text from outside (reports, answers, hosts' notes) may not carry: control characters
/// and direction marks or overrides hide or reorder text shown to maintainers and kept in the audit chain.
/// </summary>
public static class TextRules
{
    public static bool HasForbiddenCharacters(string value, bool multiline)
    {
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

    private static bool IsBidiControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
