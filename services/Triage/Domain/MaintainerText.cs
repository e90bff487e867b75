using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.Triage.Domain;

/// <summary>
/// Text maintainers write for the host or the reporter (a note to the host, a thread message, a contest's forwarded
/// reason or closing note): at most <see cref="MaxLength"/> characters, several lines allowed, no control or direction characters.
/// </summary>
public static class MaintainerText
{
    public const int MaxLength = 5_000;

    /// <returns>The text, or null when left out or blank (or wrong: then <paramref name="errors"/> says so under <paramref name="field"/>).</returns>
    public static string? Optional(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is { Length: > MaxLength } || (text is not null && TextRules.HasForbiddenCharacters(text, multiline: true)))
        {
            errors[field] = [$"At most {MaxLength} characters, without control or direction characters."];
            return null;
        }

        return TextRules.IsBlank(text) ? null : text;
    }

    /// <returns>The text, or null with an error under <paramref name="field"/> when it is left out, blank or wrong.</returns>
    public static string? Required(string? text, string field, string what, Dictionary<string, string[]> errors)
    {
        var value = Optional(text, field, errors);
        if (value is null && !errors.ContainsKey(field))
        {
            errors[field] = [$"{what} is required: 1 to {MaxLength} characters."];
        }

        return value;
    }
}
