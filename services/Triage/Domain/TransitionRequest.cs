namespace SafetyReports.Triage.Domain;

/// <summary>A maintainer's request to move a report, as in the public contract; <see cref="Notice"/> only with a move to triaged.</summary>
public sealed record TransitionRequest(
    string? To,
    string? Severity,
    string? Category,
    Guid? DuplicateOf,
    string? Note,
    string? PublicNote,
    long? ExpectedVersion,
    NoticeRequest? Notice = null);
