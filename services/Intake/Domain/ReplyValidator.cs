using SafetyReports.ServiceDefaults.Security;
namespace SafetyReports.Intake.Domain;

public static class ReplyValidator
{
    public const int MaxLength = SubmissionLimits.MaxDescription;

    /// <returns>Null when the answer is acceptable, else why not.</returns>
    public static string? Validate(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return "Required.";
        }

        if (message.Length > MaxLength)
        {
            return $"At most {MaxLength} characters.";
        }

        return TextRules.HasForbiddenCharacters(message, multiline: true) ? "Contains control or text-direction characters." : null;
    }
}
