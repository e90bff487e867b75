namespace SafetyReports.Notification.Api;

public sealed record AcknowledgementView(Guid ReportId, DateTimeOffset AcknowledgedAt);

public sealed record HostResponseView(
    string Action, string? Scope, DateTimeOffset? Until, string Grounds, bool Automated, string? Note,
    int Revision, DateTimeOffset RespondedAt, DateTimeOffset UpdatedAt,
    string? DecisionGround, string? LegalGround, string? TermsReference, IReadOnlyList<string>? TerritorialScope,
    bool? AutomatedDetection, bool? AutomatedDecision, string? Redress);

/// <summary>
/// Exactly what the maintainers shared with the host: the description (null when not shared), the evidence items
/// chosen, the evidence files shared (records only: download each from <c>/api/v1/host/reports/{id}/files/{fileId}</c>),
/// their note, the model's link and revision, the reporter's good-faith statement and the day received.
/// </summary>
/// <param name="Revision">The model's revision the report is about.</param>
/// <param name="NoticeRevision">Grows by one each time what is shared changes.</param>
public sealed record HostNoticeView(
    string? Description,
    IReadOnlyList<EvidenceItem> Evidence,
    string? NoteToHost,
    string? ModelUrl,
    string? Revision,
    bool GoodFaith,
    DateOnly ReceivedOn,
    int NoticeRevision,
    DateTimeOffset SharedAt,
    IReadOnlyList<HostFileView> Files)
{
    public static HostNoticeView From(HostNotice n) =>
        new(n.Description, n.Evidence, n.NoteToHost, n.Model.Url, n.Model.Revision, n.GoodFaith, n.ReceivedOn, n.Revision, n.SharedAt,
            [.. (n.Files ?? []).Select(HostFileView.Of)]);
}

/// <summary>A shared evidence file as its host sees it listed; the bytes hash to <see cref="Sha256"/>.</summary>
public sealed record HostFileView(Guid Id, string Name, string Type, long Size, string Sha256)
{
    public static HostFileView Of(SharedEvidenceFile f) => new(f.Id, f.Name, f.MediaType, f.Size, f.Sha256);
}

/// <summary>A reporter's contest of a response, as the maintainers forwarded it.</summary>
public sealed record HostContestView(Guid Id, int ResponseRevision, string Reason, string? Note, DateTimeOffset ContestedAt, DateTimeOffset ForwardedAt)
{
    public static HostContestView From(HostContest c) => new(c.Id, c.ResponseRevision, c.Reason, c.Note, c.ContestedAt, c.ForwardedAt);
}

/// <summary>
/// The leaves of the public transparency log that record the host's part in the report (the log's index; prove each with
/// <c>GET /api/v1/transparency/log/proof/inclusion?index=…</c>); null until Triage has recorded the step and said so.
/// </summary>
public sealed record HostLogView(long? HostNotified, long? Acknowledged, long? Responded)
{
    public static HostLogView From(HostLogLeaves leaves) => new(leaves.HostNotified, leaves.Acknowledged, leaves.Responded);
}

/// <summary>
/// A report as its host sees it: the fields of its status events, what the maintainers shared (<see cref="Notice"/>,
/// null until shared), the contests forwarded, and what the host did about it; nothing about the reporter.
/// <see cref="ReachedVia"/> says why the host was told (<see cref="RouteVia"/>): <c>report</c> when the report names it, else
/// how a copy of the model was found on it; <see cref="Model"/> is then the host's own model.
/// </summary>
public sealed record HostReportView(
    Guid Id,
    string? Status,
    ModelReference Model,
    string? Category,
    string? Severity,
    string? Title,
    DateTimeOffset NotifiedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgementNote,
    HostResponseView? Response,
    int RemindersSent,
    HostNoticeView? Notice,
    IReadOnlyList<HostContestView> Contests,
    HostLogView Log,
    string ReachedVia)
{
    /// <param name="notice">The report's notice: every host the report reached is shown the same.</param>
    /// <param name="contests">The report's forwarded contests; those of this route's host are shown, oldest first.</param>
    /// <param name="leaves">The report's log leaves; those of this route's host are shown.</param>
    public static HostReportView From(ReportRoute r, HostNotice? notice, IEnumerable<HostContest> contests, IEnumerable<HostLogLeaf> leaves) => new(
        r.ReportId, r.Summary?.Status, r.Summary?.Model ?? new ModelReference(r.HostId, r.ModelId), r.Summary?.Category,
        r.Summary?.Severity, r.Summary?.Title, r.FirstEventAt, r.Summary?.ChangedAt, r.AcknowledgedAt, r.AcknowledgementNote,
        ResponseOf(r), r.RemindersSent,
        notice is not null && notice.ReportId == r.ReportId ? HostNoticeView.From(notice) : null,
        contests.Where(c => c.HostId == r.HostId && c.ReportId == r.ReportId).OrderBy(c => c.ContestedAt).ThenBy(c => c.Id)
            .Select(HostContestView.From).ToList(),
        HostLogView.From(HostLogLeaves.Of(r.ReportId, r.HostId, leaves)), r.Via);

    public static HostResponseView? ResponseOf(ReportRoute r) => r.Response is { } x
        ? new HostResponseView(x.Action, x.Scope, x.Until, x.Grounds, x.Automated, x.Note, r.ResponseRevision,
            r.RespondedAt ?? r.FirstEventAt, r.ResponseUpdatedAt ?? r.RespondedAt ?? r.FirstEventAt,
            x.DecisionGround, x.LegalGround, x.TermsReference, x.TerritorialScope, x.AutomatedDetection, x.AutomatedDecision, x.Redress)
        : null;
}

public sealed record HostReportPage(IReadOnlyList<HostReportView> Items, string? NextCursor);

/// <param name="Changed">False when this response repeated the one already recorded.</param>
public sealed record HostResponseResult(Guid ReportId, bool Changed, HostResponseView Response);

/// <summary>A message on a notice's thread. A maintainer's name is never shown to a host: <see cref="Author"/> is set on the host's own messages only.</summary>
public sealed record ThreadMessageView(Guid Id, string From, string? Author, string Text, DateTimeOffset SentAt)
{
    public static ThreadMessageView Of(ThreadMessage m) =>
        new(m.Id, m.From, m.From == ThreadSides.Host ? m.Author : null, m.Text, m.SentAt);
}

public sealed record ThreadView(IReadOnlyList<ThreadMessageView> Items);
