namespace SafetyReports.Intake.Domain;

/// <summary>The limits of the public contract.</summary>
public static class SubmissionLimits
{
    public const int MaxBodyBytes = 256 * 1024;
    public const int MaxTitle = 200;
    public const int MaxDescription = 20_000;
    public const int MaxEvidenceContent = 20_000;
    public const int MaxEvidenceItems = 20;
    public const int MaxModelHost = 200;
    public const int MaxModelId = 200;
    public const int MaxRevision = 200;

    /// <summary>The form's digest field: <see cref="FileDigests.MaxPerModel"/> lines of 71 characters and their line breaks.</summary>
    public const int MaxFileDigestsText = FileDigests.MaxPerModel * (7 + FileDigests.HexLength + 2);
    public const int MaxUrl = 2_000;
    public const int MaxName = 200;
    public const int MaxEmail = 254;
    public const int MaxIdempotencyKey = 255;
}
