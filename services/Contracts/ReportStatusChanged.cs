namespace SafetyReports.Contracts;

/// <summary>
/// Announces every status change of a report. <paramref name="Version"/> grows with each change, so
/// consumers can ignore a late, older event. Carries no reporter personal data.
/// </summary>
/// <param name="TriagedAt">When the report was first triaged, if it was: lets a consumer that sees a later
/// event before the <c>triaged</c> one (events are not ordered) still know the report went through triage.</param>
public sealed record ReportStatusChanged(
    Guid ReportId,
    string Status,
    string? PreviousStatus,
    long Version,
    ModelReference Model,
    string Category,
    string? Severity,
    string Title,
    string? PublicNote,
    DateTimeOffset ChangedAt,
    DateTimeOffset? TriagedAt = null);
