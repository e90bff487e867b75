namespace SafetyReports.Intake.Evidence;

/// <summary>The files of a report, all accepted, or the first refusal and why.</summary>
/// <param name="FileName">The refused file, when one file is refused (not for too many or too much in all): the form names it in the reporter's language.</param>
public sealed record EvidenceFilesOutcome(IReadOnlyList<CheckedEvidenceFile> Files, EvidenceFileRefusal? Refusal, string? Problem, string? FileName = null)
{
    public static EvidenceFilesOutcome Accepted(IReadOnlyList<CheckedEvidenceFile> files) => new(files, null, null);

    public static EvidenceFilesOutcome Refused(EvidenceFileRefusal refusal, string problem, string? fileName = null) => new([], refusal, problem, fileName);
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
