namespace SafetyReports.Intake.Domain;

/// <summary>What a reporter can see of their report with its status token.</summary>
/// <param name="HostResponse">The host's latest statement of reasons, once it responded.</param>
/// <param name="Contests">The reporter's contests of the host's responses, one per contested revision.</param>
/// <param name="Files">The evidence files stored with the report (their records, never their bytes).</param>
public sealed record Receipt(
    Guid Id,
    string TokenHash,
    string Status,
    long StatusVersion,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PublicNote> PublicNotes,
    DateTimeOffset? HandedOverAt,
    ReceiptHostResponse? HostResponse,
    IReadOnlyList<ReceiptContest> Contests,
    IReadOnlyList<EvidenceFileRecord>? Files = null)
{
    public IReadOnlyList<EvidenceFileRecord> EvidenceFiles => Files ?? [];

    public bool CanContest => ContestRules.CanContest(HostResponse, Contests);

    /// <summary>The contest the reporter sees (<see cref="ContestRules.Latest"/>).</summary>
    public ReceiptContest? Contest => ContestRules.Latest(Contests);
}

/// <param name="Version">The report version whose change carried the note: a repeated event adds it once.</param>
public sealed record PublicNote(DateTimeOffset At, string Text, long Version);
