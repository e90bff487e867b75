using System.Text.Json.Serialization;

namespace SafetyReports.Portal.Clients;

// The Triage API's JSON as the portal reads it. Every field the design lists is optional here: a field
// the API does not send yet (or no longer sends) takes its default instead of failing the page.

public sealed record ModelRef
{
    public string Host { get; init; } = "";
    public string Id { get; init; } = "";
    public string? Revision { get; init; }
    public string? Url { get; init; }

    /// <summary>The SHA-256 digests of the model's files (docs/models.md); null when none are known.</summary>
    public IReadOnlyList<string>? FileDigests { get; init; }
}

/// <summary>A host the report reached: its own first (<c>via</c> <c>report</c>), then each serving a copy of the model.</summary>
public sealed record ReachedHostView
{
    public string Host { get; init; } = "";
    public string ModelId { get; init; } = "";
    public string Via { get; init; } = "";
    public IReadOnlyList<string> SharedDigests { get; init; } = [];
    public DateTimeOffset? ReachedAt { get; init; }
    public DateTimeOffset? NotifiedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateTimeOffset? RespondedAt { get; init; }
    public string? ResponseAction { get; init; }
}

/// <summary>A re-upload of the reported model found later; a closed report's may be sent to its host.</summary>
public sealed record ReuploadView
{
    public string HostId { get; init; } = "";
    public string ModelId { get; init; } = "";
    public IReadOnlyList<string> SharedDigests { get; init; } = [];
    public string ReportStatus { get; init; } = "";
    public bool HostNotified { get; init; }
    public DateTimeOffset DetectedAt { get; init; }
    public DateTimeOffset? SharedAt { get; init; }
    public string? SharedBy { get; init; }

    public bool CanShare => !HostNotified && SharedAt is null;
}

public sealed record ModelDigestsBody(IReadOnlyList<string> FileDigests, long ExpectedVersion);

public sealed record ShareWithHostBody(string Host, string ModelId, long ExpectedVersion);

public sealed record ReportListItem
{
    public Guid Id { get; init; }
    public string Status { get; init; } = "";
    public long Version { get; init; }
    public ModelRef Model { get; init; } = new();
    public string? Category { get; init; }
    public string? Severity { get; init; }
    public string? Title { get; init; }
    public bool Unchallenged { get; init; }
    public string? Assignee { get; init; }
    public Guid? DuplicateOf { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public bool? Overdue { get; init; }

    /// <summary>A reporter's contest waits for the maintainers (state <c>open</c>).</summary>
    public bool ContestOpen { get; init; }

    /// <summary>The report's near-duplicates about the same model around its arrival; null when it has none.</summary>
    public ClusterSummaryView? Cluster { get; init; }
}

/// <summary>"12 similar reports in 2 hours": a cluster's size (the report included), span and clients.</summary>
public sealed record ClusterSummaryView
{
    public int Size { get; init; }
    public DateTimeOffset FirstAt { get; init; }
    public DateTimeOffset LastAt { get; init; }
    public int DistinctClients { get; init; }
    public bool Burst { get; init; }

    /// <summary>Members held out of the public figures until a maintainer confirms the burst.</summary>
    public int Held { get; init; }
}

public sealed record SimilarReportView
{
    public Guid Id { get; init; }
    public string? Title { get; init; }
    public string Status { get; init; } = "";
    public ModelRef Model { get; init; } = new();
    public DateTimeOffset ReceivedAt { get; init; }
    public Guid? DuplicateOf { get; init; }

    /// <summary>The estimated similarity (0–1) of an earlier report; null for a cluster member.</summary>
    public double? Similarity { get; init; }

    /// <summary>Held out of the public figures as part of a burst.</summary>
    public bool Held { get; init; }
}

/// <summary>A report's cluster (itself included; <see cref="Summary"/> null when alone) and its similar earlier reports.</summary>
public sealed record SimilarityView
{
    public ClusterSummaryView? Summary { get; init; }
    public IReadOnlyList<SimilarReportView> Cluster { get; init; } = [];
    public IReadOnlyList<SimilarReportView> Earlier { get; init; } = [];
}

public sealed record BurstConfirmResponse
{
    public Guid Id { get; init; }
    public IReadOnlyList<BulkRejectOutcome> Results { get; init; } = [];
}

public sealed record ClusterMergeResponse
{
    public Guid Into { get; init; }
    public IReadOnlyList<BulkRejectOutcome> Results { get; init; } = [];
}

public sealed record ReportListPage
{
    public IReadOnlyList<ReportListItem> Items { get; init; } = [];
    public string? NextCursor { get; init; }
}

public sealed record StatusCounts
{
    public IReadOnlyDictionary<string, long> Counts { get; init; } = new Dictionary<string, long>();
    public long Total { get; init; }

    /// <summary>A search's counting stopped at a cap: every count is at least the number shown ("10000+").</summary>
    public bool Capped { get; init; }
}

public sealed record EvidenceItem
{
    public string? Kind { get; init; }
    public string? Content { get; init; }
}

public sealed record ReporterContactView
{
    public string? Name { get; init; }
    public string? Email { get; init; }
}

public sealed record NoteView
{
    public DateTimeOffset At { get; init; }
    public string? Author { get; init; }
    public string? Text { get; init; }
}

public sealed record ReporterMessageView
{
    public Guid Id { get; init; }
    public DateTimeOffset At { get; init; }
    public string? Text { get; init; }
}

/// <summary>What the maintainers chose to share with the host (the report's notice); null before the first triage.</summary>
public sealed record ReportNoticeView
{
    public bool ShareDescription { get; init; } = true;

    /// <summary>Indices into the report's evidence.</summary>
    public IReadOnlyList<int> SharedEvidence { get; init; } = [];
    public string? NoteToHost { get; init; }
    public int Revision { get; init; }
    public DateTimeOffset? ChangedAt { get; init; }
}

/// <summary>A reporter's contest of a host response, as the maintainers handle it.</summary>
public sealed record ContestView
{
    public const string Open = "open";
    public const string Forwarded = "forwarded";
    public const string Closed = "closed";

    public Guid Id { get; init; }
    public string? HostId { get; init; }
    public int ResponseRevision { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset? ContestedAt { get; init; }

    /// <summary><c>open</c>, <c>forwarded</c> or <c>closed</c>.</summary>
    public string State { get; init; } = "";
    public DateTimeOffset? ForwardedAt { get; init; }
    public string? ForwardedReason { get; init; }
    public string? ForwardNote { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? PublicNote { get; init; }

    public bool CanForward => State == Open;

    public bool CanClose => State is Open or Forwarded;
}

public sealed record ReportDetail
{
    public Guid Id { get; init; }
    public string Status { get; init; } = "";
    public long Version { get; init; }
    public ModelRef Model { get; init; } = new();
    public string? Category { get; init; }
    public string? Severity { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];
    public ReporterContactView? Reporter { get; init; }

    /// <summary>The report has a contact Triage cannot decrypt (another key ring than Intake's).</summary>
    public bool ContactUnavailable { get; init; }
    public bool ContactAllowed { get; init; }
    public bool Unchallenged { get; init; }
    public string? Assignee { get; init; }
    public Guid? DuplicateOf { get; init; }
    public IReadOnlyList<NoteView> Notes { get; init; } = [];
    public IReadOnlyList<NoteView> PublicNotes { get; init; } = [];
    public IReadOnlyList<ReporterMessageView> ReporterMessages { get; init; } = [];
    public IReadOnlyList<string> AllowedTransitions { get; init; } = [];
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? TriagedAt { get; init; }
    public DateTimeOffset? HostNotifiedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateTimeOffset? RespondedAt { get; init; }
    /// <summary>The host's statement of reasons as Triage recorded it (the shape the host API answers with).</summary>
    public HostResponseView? HostResponse { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public bool? Overdue { get; init; }
    public ReportNoticeView? Notice { get; init; }
    public IReadOnlyList<ContestView> Contests { get; init; } = [];
    public bool ContestOpen { get; init; }

    /// <summary>The thread with the host, both sides, oldest first.</summary>
    public IReadOnlyList<ThreadMessage> HostMessages { get; init; } = [];

    /// <summary>The evidence files' records (their bytes through <see cref="TriageClient.EvidenceFileAsync"/>).</summary>
    public IReadOnlyList<EvidenceFileView> Files { get; init; } = [];

    /// <summary>Every host the report reached, its own first.</summary>
    public IReadOnlyList<ReachedHostView> Hosts { get; init; } = [];

    public IReadOnlyList<ReuploadView> Reuploads { get; init; } = [];
}

/// <param name="SharedWithHost">Maintainers share it with the host (in the notice once the report is triaged).</param>
public sealed record EvidenceFileView(Guid Id, string Name, string Type, long Size, string Sha256, bool SharedWithHost = false)
{
    public bool IsImage => Type.StartsWith("image/", StringComparison.Ordinal);

    public bool IsAudio => Type.StartsWith("audio/", StringComparison.Ordinal);
}

public sealed record AuditEntryView
{
    public long Sequence { get; init; }
    public DateTimeOffset At { get; init; }
    public string? Actor { get; init; }
    public string? Action { get; init; }
    public string? Data { get; init; }
    public string? Hash { get; init; }
}

public sealed record BulkRejectOutcome
{
    public Guid Id { get; init; }
    public string Outcome { get; init; } = "";
}

public sealed record BulkRejectResponse
{
    public IReadOnlyList<BulkRejectOutcome> Results { get; init; } = [];
}

// Request bodies, named as the API names its fields.
/// <param name="Notice">Only with the move to <c>triaged</c>: what the host receives (left out otherwise: Triage refuses it with any other move).</param>
public sealed record TransitionBody(
    string To, string? Severity, string? Category, Guid? DuplicateOf, string? Note, string? PublicNote, long ExpectedVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NoticeChoice? Notice = null);

/// <summary>What the host receives: the description or not, the evidence items by index, a note (null: none).</summary>
public sealed record NoticeChoice(bool ShareDescription, IReadOnlyList<int> ShareEvidence, string? NoteToHost);

/// <summary>A change of the shared notice after triage (PUT /api/v1/triage/reports/{id}/notice).</summary>
public sealed record NoticeChangeBody(bool ShareDescription, IReadOnlyList<int> ShareEvidence, string? NoteToHost, long ExpectedVersion);

/// <summary>Forwarding a contest: the reason as forwarded (null: the reporter's, as written) and the maintainers' note.</summary>
public sealed record ForwardContestBody(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note,
    long ExpectedVersion);

public sealed record CloseContestBody(string PublicNote, long ExpectedVersion);

public sealed record AssignmentBody(string? Assignee, long ExpectedVersion);

public sealed record ClassificationBody(string? Severity, string? Category, long ExpectedVersion);

public sealed record NoteBody(string Text);

/// <summary>An admin's redaction from the report page: every occurrence of the text in the description and the evidence.</summary>
public sealed record RedactionBody(string Text, long ExpectedVersion);

/// <summary><c>PUT /reports/{id}/files/{fileId}/sharing</c>.</summary>
public sealed record FileSharingBody(bool Shared, long ExpectedVersion);

/// <summary>A redaction of whole fields: here an evidence file (<c>files/{id}</c>), removed with its bytes.</summary>
public sealed record FieldRedactionBody(IReadOnlyList<string> Fields, long ExpectedVersion);

public sealed record BulkRejectBody(IReadOnlyList<Guid> Ids, string Note);

public sealed record ClusterMergeBody(string? Note);
