namespace SafetyReports.Contracts;

/// <summary>
/// Announces every status change of a report. <paramref name="Version"/> grows with each change, so
/// consumers can ignore a late, older event. Carries no reporter personal data.
/// </summary>
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
    DateTimeOffset ChangedAt);
