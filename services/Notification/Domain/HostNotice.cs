namespace SafetyReports.Notification.Domain;

/// <summary>
/// What the maintainers shared with the report's host (its notice, EU DSA Art. 16(2)), as the latest
/// <see cref="ReportNoticeShared"/> said: redactions applied, never the reporter's name or e-mail. Kept per
/// report; a higher <see cref="Revision"/> replaces it, and a repeat or an older one changes nothing.
/// </summary>
/// <param name="HostId">The host of the reported model; every host the report reached (copies of the model elsewhere) is shown the same notice.</param>
/// <param name="Description">The report's description, or null when it was not shared.</param>
/// <param name="ReceivedOn">The day the report was received (UTC).</param>
/// <param name="Files">The evidence files shared with the host (records only; null in a notice kept before files could be shared).</param>
public sealed record HostNotice(
    Guid ReportId,
    string HostId,
    int Revision,
    ModelReference Model,
    string? Description,
    IReadOnlyList<EvidenceItem> Evidence,
    string? NoteToHost,
    bool GoodFaith,
    DateOnly ReceivedOn,
    DateTimeOffset SharedAt,
    IReadOnlyList<SharedEvidenceFile>? Files = null)
{
    public static HostNotice From(ReportNoticeShared shared) => new(
        shared.ReportId, shared.Model.Host, shared.Revision, shared.Model, shared.Description, shared.Evidence, shared.NoteToHost,
        shared.GoodFaith, shared.ReceivedOn, StoredTime.Of(shared.SharedAt), shared.Files ?? []);

    /// <summary>The shared file with this id, or null when the notice does not share it.</summary>
    public SharedEvidenceFile? SharedFile(Guid fileId) => Files?.FirstOrDefault(f => f.Id == fileId);
}
