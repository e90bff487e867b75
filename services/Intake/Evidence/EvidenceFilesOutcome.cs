namespace SafetyReports.Intake.Evidence;

/// <summary>The files of a report, all accepted, or the first refusal and why.</summary>
public sealed record EvidenceFilesOutcome(IReadOnlyList<CheckedEvidenceFile> Files, EvidenceFileRefusal? Refusal, string? Problem)
{
    public static EvidenceFilesOutcome Accepted(IReadOnlyList<CheckedEvidenceFile> files) => new(files, null, null);

    public static EvidenceFilesOutcome Refused(EvidenceFileRefusal refusal, string problem) => new([], refusal, problem);
}

/// <summary>Why files are refused; an API answers <see cref="UnsupportedType"/> with 415 and the others with 400 (or 413 for size).</summary>
public enum EvidenceFileRefusal
{
    Invalid,
    TooMany,
    TooLarge,
    UnsupportedType,
    ChildSafety,
}
