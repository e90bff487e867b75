namespace SafetyReports.Contracts;

/// <summary>
/// What the maintainers chose to share with the report's host (its notice, EU DSA Art. 16(2)), as it is now:
/// redactions applied, never the reporter's name or e-mail. Sent when the report is first triaged and again
/// whenever what is shared changes (a maintainer's edit, a re-triage with another choice, a redaction).
/// <paramref name="Revision"/> grows by one with each change, so a late, older notice never replaces a newer one.
/// </summary>
/// <param name="Description">The report's description, or null when the maintainers did not share it.</param>
/// <param name="Evidence">The shared evidence items, in the report's order.</param>
/// <param name="NoteToHost">The maintainers' note to the host, if any.</param>
/// <param name="GoodFaith">The reporter stated the report is accurate to their knowledge (every accepted report carries it).</param>
/// <param name="ReceivedOn">The day the report was received (UTC); the exact time is not shared.</param>
/// <param name="Files">The evidence files shared, in the report's order (their records; null from a sender before files could be shared).</param>
public sealed record ReportNoticeShared(
    Guid ReportId,
    int Revision,
    ModelReference Model,
    string? Description,
    IReadOnlyList<EvidenceItem> Evidence,
    string? NoteToHost,
    bool GoodFaith,
    DateOnly ReceivedOn,
    DateTimeOffset SharedAt,
    IReadOnlyList<SharedEvidenceFile>? Files = null);
