namespace SafetyReports.Triage.Domain;

/// <summary>
/// What the maintainers chose to share with the report's host (its notice, EU DSA Art. 16(2)): the description or
/// not, which evidence items (indices into <see cref="Report.Evidence"/>, ascending) and a note to the host.
/// <see cref="Revision"/> counts from 1 and grows by one whenever what is shared changes; <see cref="ChangedAt"/> is that time.
/// </summary>
public sealed record ReportNotice(bool ShareDescription, IReadOnlyList<int> SharedEvidence, string? NoteToHost, int Revision, DateTimeOffset ChangedAt)
{
    public NoticeChoice ToChoice() => new(ShareDescription, SharedEvidence, NoteToHost);
}

/// <summary>A notice's choice without its revision: what a maintainer asks to share.</summary>
public sealed record NoticeChoice(bool ShareDescription, IReadOnlyList<int> SharedEvidence, string? NoteToHost)
{
    /// <summary>The choice when maintainers name none: the description and every evidence item, no note.</summary>
    public static NoticeChoice Everything(int evidenceItems) => new(true, [.. Enumerable.Range(0, evidenceItems)], null);

    public bool SameAs(NoticeChoice other) =>
        ShareDescription == other.ShareDescription && SharedEvidence.SequenceEqual(other.SharedEvidence)
        && string.Equals(NoteToHost, other.NoteToHost, StringComparison.Ordinal);
}

/// <summary>
/// The <c>notice</c> of a move to <c>triaged</c>, as the API receives it. <c>shareDescription</c> left out is true,
/// <c>shareEvidence</c> left out is every item (<c>[]</c> is none), a blank <c>noteToHost</c> is none.
/// </summary>
public sealed record NoticeRequest(bool? ShareDescription, IReadOnlyList<int>? ShareEvidence, string? NoteToHost);

/// <summary>
/// <c>PUT /reports/{id}/notice</c>: the whole choice again (a field left out takes its default, as in <see cref="NoticeRequest"/>)
/// and the version the maintainer saw.
/// </summary>
public sealed record NoticeUpdateRequest(bool? ShareDescription, IReadOnlyList<int>? ShareEvidence, string? NoteToHost, long? ExpectedVersion)
{
    public NoticeRequest ToChoice() => new(ShareDescription, ShareEvidence, NoteToHost);
}
