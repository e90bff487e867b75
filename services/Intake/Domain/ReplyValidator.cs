using SafetyReports.ServiceDefaults.Security;
namespace SafetyReports.Intake.Domain;

public static class ReplyValidator
{
    public const int MaxLength = SubmissionLimits.MaxDescription;

    /// <returns>Null when the answer is acceptable, else why not.</returns>
    public static string? Validate(string? message)
    {
        if (string.IsNullOrWhiteSpace(message) || TextRules.IsBlank(message))
        {
            return "Required.";
        }

        if (message.Length > MaxLength)
        {
            return $"At most {MaxLength} characters.";
        }

        if (TextRules.HasLoneSurrogate(message))
        {
            return SubmissionValidator.BrokenCharacter;
        }

        return TextRules.HasForbiddenCharacters(message, multiline: true) ? SubmissionValidator.ForbiddenCharacters : null;
    }
}
