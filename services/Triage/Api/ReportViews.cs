namespace SafetyReports.Triage.Api;

public sealed record ReportListItem(
    Guid Id,
    string Status,
    long Version,
    ModelReference Model,
    string Category,
    string? Severity,
    string Title,
    bool Unchallenged,
    string? Assignee,
    Guid? DuplicateOf,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? TriagedAt,
    DateTimeOffset? HostNotifiedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset Deadline,
    bool Overdue,
    IReadOnlyList<ContestSummary> Contests,
    bool ContestOpen,
    ClusterSummary? Cluster)
{
    /// <param name="cluster">The report's near-duplicates (<see cref="ClusterSummary.Of"/>); null when it has none.</param>
    public static ReportListItem From(Report r, SlaPolicy sla, ClusterSummary? cluster = null) => new(
        r.Id, r.Status, r.Version, r.Model, r.Category, r.Severity, r.Title, r.Unchallenged, r.Assignee, r.DuplicateOf,
        r.ReceivedAt, r.UpdatedAt, r.TriagedAt, r.HostNotifiedAt, r.AcknowledgedAt, sla.Deadline(r), sla.IsOverdue(r),
        [.. r.Contests.Select(ContestSummary.From)], ReportContests.HasOpen(r), cluster);
}

/// <summary>A contest in the queue: where it stands, without the reporter's reason (the queue shows no report text).</summary>
public sealed record ContestSummary(Guid Id, int ResponseRevision, string State, DateTimeOffset ContestedAt)
{
    public static ContestSummary From(ReportContest c) => new(c.Id, c.ResponseRevision, c.State, c.ContestedAt);
}

/// <summary>A maintainer's full view of a report, with the reporter's contact decrypted.</summary>
public sealed record ReportView(
    Guid Id,
    string Status,
    long Version,
    ModelReference Model,
    string Category,
    string? Severity,
    string Title,
    string Description,
    IReadOnlyList<EvidenceItem> Evidence,
    ReporterContact? Reporter,
    bool ContactUnavailable,
    bool ContactAllowed,
    bool Unchallenged,
    string? Assignee,
    Guid? DuplicateOf,
    IReadOnlyList<ReportNote> Notes,
    IReadOnlyList<ReporterMessage> ReporterMessages,
    IReadOnlyList<ReportNote> PublicNotes,
    IReadOnlyList<string> AllowedTransitions,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? TriagedAt,
    DateTimeOffset? HostNotifiedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? RespondedAt,
    HostStatement? HostResponse,
    DateTimeOffset Deadline,
    bool Overdue,
    ReportNotice? Notice,
    IReadOnlyList<ReportContest> Contests,
    bool ContestOpen,
    IReadOnlyList<HostThreadMessage> HostMessages,
    IReadOnlyList<EvidenceFileView> Files,
    IReadOnlyList<ReachedHostView> Hosts,
    IReadOnlyList<ModelReupload> Reuploads)
{
    /// <remarks><c>ContactUnavailable</c>: the report has a contact this key ring cannot decrypt; the rest of the view is whole.</remarks>
    public static ReportView From(Report r, ReporterContactProtector protector, SlaPolicy sla)
    {
        var contact = protector.Read(r.ProtectedContact);
        return new(
            r.Id, r.Status, r.Version, r.Model, r.Category, r.Severity, r.Title, r.Description, r.Evidence,
            contact.Contact, contact.Unavailable, r.ContactAllowed, r.Unchallenged, r.Assignee, r.DuplicateOf, r.Notes, r.ReporterMessages, r.PublicNotes,
            ReportWorkflow.NextStatuses(r.Status, ActorKind.Maintainer).ToList(),
            r.ReceivedAt, r.UpdatedAt, r.TriagedAt, r.HostNotifiedAt, r.AcknowledgedAt, r.RespondedAt, r.HostResponse, sla.Deadline(r), sla.IsOverdue(r),
            r.Notice, r.Contests, ReportContests.HasOpen(r), r.HostMessages, [.. r.EvidenceFiles.Select(f => EvidenceFileView.From(f, r.SharedFiles.Contains(f.Id)))],
            ReachedHostView.Of(r), r.Reuploads);
    }
}

/// <summary>
/// A host the report reached and where it stands there: first the report's own host (<c>via</c> <c>report</c>; its facts are
/// the report's), then each host serving a copy of the model, in the order reached.
/// </summary>
public sealed record ReachedHostView(
    string Host,
    string ModelId,
    string Via,
    IReadOnlyList<string> SharedDigests,
    DateTimeOffset? ReachedAt,
    DateTimeOffset? NotifiedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? RespondedAt,
    string? ResponseAction,
    int ResponseRevision)
{
    public const string ViaReport = "report";

    public static IReadOnlyList<ReachedHostView> Of(Report r) =>
    [
        new(r.Model.Host, r.Model.Id, ViaReport, r.Model.Digests(), r.TriagedAt, r.HostNotifiedAt, r.AcknowledgedAt, r.RespondedAt,
            r.HostResponse?.Action, r.HostResponse?.Revision ?? 0),
        .. r.Hosts.Select(h => new ReachedHostView(
            h.HostId, h.ModelId, h.Via, h.SharedDigests, h.ReachedAt, h.NotifiedAt, h.AcknowledgedAt, h.RespondedAt, h.ResponseAction, h.ResponseRevision)),
    ];
}

/// <summary>An evidence file as maintainers see it listed (its bytes: <c>GET /api/v1/triage/reports/{id}/files/{fileId}</c>).</summary>
/// <param name="Sha256">SHA-256 of the stored bytes (for an image, after it was re-encoded on arrival).</param>
/// <param name="SharedWithHost">Maintainers share it with the host (in the notice once the report is triaged).</param>
public sealed record EvidenceFileView(Guid Id, string Name, string Type, long Size, string Sha256, bool SharedWithHost)
{
    public static EvidenceFileView From(EvidenceFileReference file, bool shared) => new(file.Id, file.Name, file.MediaType, file.Size, file.Sha256, shared);
}

public sealed record ReportListResponse(IReadOnlyList<ReportListItem> Items, string? NextCursor);

public sealed record NoteRequest(string? Text);

public sealed record AuditVerifyResponse(bool Valid, long Entries, string Head, long? FirstInvalidSequence, string? Reason);

public sealed record BulkRejectResponse(IReadOnlyList<BulkRejectResult> Results);

/// <summary><c>capped</c>: a search's counting stopped at 10,000 matches, so every count is a lower bound.</summary>
public sealed record ReportCountsResponse(IReadOnlyDictionary<string, long> Counts, long Total, bool Capped);
