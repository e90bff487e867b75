namespace SafetyReports.Contracts;

/// <summary>
/// Intake hands a stored submission to Triage. Intake re-publishes it until Triage answers with
/// <see cref="ReportStored"/>, so consumers must treat it as possibly repeated.
/// </summary>
/// <param name="ProtectedContact">The reporter's contact, already encrypted by Intake; null when anonymous.</param>
public sealed record ReportSubmitted(
    Guid ReportId,
    DateTimeOffset ReceivedAt,
    ModelReference Model,
    string Category,
    string? Severity,
    string Title,
    string Description,
    IReadOnlyList<EvidenceItem> Evidence,
    string? ProtectedContact,
    bool ContactAllowed);
