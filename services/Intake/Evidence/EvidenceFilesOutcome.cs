namespace SafetyReports.Intake.Evidence;

/// <summary>The files of a report, all accepted, or the first refusal and why.</summary>
public sealed record EvidenceFilesOutcome(IReadOnlyList<CheckedEvidenceFile> Files, EvidenceFileRefusal? Refusal, string? Problem)
{
    public static EvidenceFilesOutcome Accepted(IReadOnlyList<CheckedEvidenceFile> files) => new(files, null, null);

    public static EvidenceFilesOutcome Refused(EvidenceFileRefusal refusal, string problem) => new([], refusal, problem);
}

/// <summary>
/// Why files are refused; the API answers <see cref="UnsupportedType"/> with 415, <see cref="TooLargeInTotal"/> with 413 and
/// the others with 400 and a field error naming the file.
/// </summary>
public enum EvidenceFileRefusal
{
    Invalid,
    TooMany,

    /// <summary>One file is beyond the size a file may have.</summary>
    TooLarge,
    UnsupportedType,
    ChildSafety,

    /// <summary>The files together, or the report part, are beyond what one report may carry.</summary>
    TooLargeInTotal,
}
