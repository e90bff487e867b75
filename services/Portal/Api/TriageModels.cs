namespace SafetyReports.Portal.Api;

// The Triage API's JSON as the portal reads it. Every field the design lists is optional here: a field
// the API does not send yet (or no longer sends) takes its default instead of failing the page.

public sealed record ModelRef
{
    public string Host { get; init; } = "";
    public string Id { get; init; } = "";
    public string? Revision { get; init; }
    public string? Url { get; init; }
}

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

public sealed record HostStatementView
{
    public int Revision { get; init; }
    public string? Action { get; init; }
    public string? Scope { get; init; }
    public DateTimeOffset? Until { get; init; }
    public string? Grounds { get; init; }
    public bool Automated { get; init; }
    public string? Note { get; init; }
    public DateTimeOffset? RespondedAt { get; init; }
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
    public HostStatementView? HostResponse { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public bool? Overdue { get; init; }
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
public sealed record TransitionBody(string To, string? Severity, string? Category, Guid? DuplicateOf, string? Note, string? PublicNote, long ExpectedVersion);

public sealed record AssignmentBody(string? Assignee, long ExpectedVersion);

public sealed record ClassificationBody(string? Severity, string? Category, long ExpectedVersion);

public sealed record NoteBody(string Text);

/// <summary>An admin's redaction from the report page: every occurrence of the text in the description and the evidence.</summary>
public sealed record RedactionBody(string Text, long ExpectedVersion);

public sealed record BulkRejectBody(IReadOnlyList<Guid> Ids, string Note);
