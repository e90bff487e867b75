namespace SafetyReports.Intake.Api;

/// <param name="HostResponse">The host's latest statement of reasons (without the host's note to the maintainers); null until the host responds.</param>
/// <param name="Contest">The reporter's contest of the latest response they contested; null when none.</param>
/// <param name="CanContest">True while the host's current response can be contested (once per revision).</param>
/// <param name="Files">The evidence files stored with the report: name, type, size and SHA-256 of the stored bytes.</param>
/// <param name="LogLeaf">
/// The leaf of the report's <c>received</c> entry in the public transparency log; null until Triage has stored the report
/// and its log has read the entry (moments after the submission), or while Triage's log cannot be read.
/// </param>
public sealed record ReportStatusResponse(
    Guid Id,
    string Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PublicNoteResponse> PublicNotes,
    ReceiptHostResponse? HostResponse,
    ContestView? Contest,
    bool CanContest,
    IReadOnlyList<EvidenceFileView> Files,
    long? LogLeaf = null)
{
    public static ReportStatusResponse From(Receipt receipt, long? logLeaf = null) => new(
        receipt.Id,
        receipt.Status,
        receipt.ReceivedAt,
        receipt.UpdatedAt,
        receipt.PublicNotes.Select(n => new PublicNoteResponse(n.At, n.Text)).ToList(),
        receipt.HostResponse,
        receipt.Contest is { } contest ? ContestView.From(contest) : null,
        receipt.CanContest,
        receipt.EvidenceFiles.Select(f => new EvidenceFileView(f.Name, f.MediaType, f.Size, f.Sha256)).ToList(),
        logLeaf);
}

/// <param name="Sha256">SHA-256 of the bytes stored (for an image, as re-encoded without its metadata), hex.</param>
public sealed record EvidenceFileView(string Name, string Type, long Size, string Sha256);

public sealed record PublicNoteResponse(DateTimeOffset At, string Text);

/// <param name="State"><c>pending</c>, <c>forwarded</c> or <c>closed</c>.</param>
/// <param name="PublicNote">The maintainers' note to the reporter when they closed it.</param>
public sealed record ContestView(
    Guid Id,
    int ResponseRevision,
    string State,
    DateTimeOffset ContestedAt,
    DateTimeOffset? ForwardedAt,
    DateTimeOffset? ClosedAt,
    string? PublicNote)
{
    public static ContestView From(ReceiptContest c) => new(c.Id, c.ResponseRevision, c.State, c.ContestedAt, c.ForwardedAt, c.ClosedAt, c.PublicNote);
}
