namespace SafetyReports.Intake.Domain;

public static class ReplyValidator
{
    public const int MaxLength = SubmissionLimits.MaxDescription;

    /// <returns>Null when the answer is acceptable, else why not.</returns>
    public static string? Validate(string? message) => ReporterText.Problem(message, MaxLength);
}
