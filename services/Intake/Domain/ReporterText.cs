using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.Intake.Domain;

/// <summary>What a reporter may write after sending a report (an answer, a contest's reason): multiline free text.</summary>
public static class ReporterText
{
    /// <returns>Null when the text is acceptable, else why not.</returns>
    public static string? Problem(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text) || TextRules.IsBlank(text))
        {
            return "Required.";
        }

        if (text.Length > maxLength)
        {
            return $"At most {maxLength} characters.";
        }

        if (TextRules.HasLoneSurrogate(text))
        {
            return SubmissionValidator.BrokenCharacter;
        }

        return TextRules.HasForbiddenCharacters(text, multiline: true) ? SubmissionValidator.ForbiddenCharacters : null;
    }
}
