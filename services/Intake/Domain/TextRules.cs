namespace SafetyReports.Intake.Domain;

/// <summary>Characters a report may not carry: they hide or reorder text shown to maintainers.</summary>
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
