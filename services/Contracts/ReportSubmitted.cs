namespace SafetyReports.Contracts;

/// <summary>
/// Intake hands a stored submission to Triage. Intake re-publishes it until Triage answers with
/// <see cref="ReportStored"/>, so consumers must treat it as possibly repeated.
/// </summary>
/// <param name="Unchallenged">True when the report came without a proof of work (the no-JavaScript form): triage may weigh it as possible spam.</param>
/// <param name="ClientHash">Intake's daily keyed hash of the sending client (never the address), so Triage can tell a burst from many clients; null from older senders.</param>
/// <param name="Language">The reporter's language (a tag of SupportedLanguages), for the mails they get; null (older messages) is English.</param>
/// <param name="NotifyByEmail">The reporter asked for e-mails about their report (to the address in the contact).</param>
/// <param name="Files">The report's evidence files (records only; Triage pulls the bytes from Intake); null or empty when none.</param>
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
    bool ContactAllowed,
    bool Unchallenged = false,
    string? ClientHash = null,
    string? Language = null,
    bool NotifyByEmail = false,
    IReadOnlyList<EvidenceFileReference>? Files = null)
{
    public IReadOnlyList<EvidenceFileReference> EvidenceFiles => Files ?? [];
}
