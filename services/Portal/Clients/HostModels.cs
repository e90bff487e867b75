using System.Text.Json.Serialization;

namespace SafetyReports.Portal.Clients;

// The host API (Notification, scope host) as the host inbox reads it. Optional fields take their defaults, so a
// Notification without the notice yet still gives a working inbox.

/// <summary>A report as its host sees it: the fields of its status events, the notice, what the host did, the forwarded contests.</summary>
public sealed record HostReport
{
    public Guid Id { get; init; }
    public string? Status { get; init; }
    public ModelRef Model { get; init; } = new();
    public string? Category { get; init; }
    public string? Severity { get; init; }
    public string? Title { get; init; }
    public DateTimeOffset NotifiedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? AcknowledgementNote { get; init; }
    public HostResponseView? Response { get; init; }
    public int RemindersSent { get; init; }

    /// <summary>Exactly what the maintainers shared; null until it reached Notification.</summary>
    public HostNotice? Notice { get; init; }

    /// <summary>The reporter's contests the maintainers forwarded (only those).</summary>
    public IReadOnlyList<ForwardedContest> Contests { get; init; } = [];

    /// <summary>The public log's leaves of the host's part; each null until recorded.</summary>
    public HostLogLeaves Log { get; init; } = new();
}

/// <summary>Leaf indexes in the public transparency log (docs/transparency.md): notified, acknowledged, first response.</summary>
public sealed record HostLogLeaves
{
    public long? HostNotified { get; init; }
    public long? Acknowledged { get; init; }
    public long? Responded { get; init; }
}

public sealed record HostReportPage
{
    public IReadOnlyList<HostReport> Items { get; init; } = [];
    public string? NextCursor { get; init; }
}

/// <summary>The notice: what the maintainers chose to share (description, evidence items, their note), nothing about the reporter.</summary>
public sealed record HostNotice
{
    /// <summary>Null when the maintainers did not share it.</summary>
    public string? Description { get; init; }
    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];
    public string? NoteToHost { get; init; }
    public string? ModelUrl { get; init; }

    /// <summary>The model's revision as the reporter named it.</summary>
    public string? Revision { get; init; }
    public bool GoodFaith { get; init; }
    public DateOnly? ReceivedOn { get; init; }

    /// <summary>Grows by one whenever what is shared changes.</summary>
    public int NoticeRevision { get; init; }
    public DateTimeOffset? SharedAt { get; init; }
}

public sealed record ForwardedContest
{
    public Guid Id { get; init; }

    /// <summary>The host's response revision the reporter contested.</summary>
    public int ResponseRevision { get; init; }
    public string? Reason { get; init; }

    /// <summary>The maintainers' note to the host.</summary>
    public string? Note { get; init; }
    public DateTimeOffset? ContestedAt { get; init; }
    public DateTimeOffset? ForwardedAt { get; init; }
}

/// <summary>A host's statement of reasons, with the EU DSA Transparency Database fields where given.</summary>
public sealed record HostResponseView
{
    public string? Action { get; init; }
    public string? Scope { get; init; }
    public DateTimeOffset? Until { get; init; }
    public string? Grounds { get; init; }
    public bool Automated { get; init; }
    public string? Note { get; init; }
    public int Revision { get; init; }
    public DateTimeOffset? RespondedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public string? DecisionGround { get; init; }
    public string? LegalGround { get; init; }
    public string? TermsReference { get; init; }
    public IReadOnlyList<string>? TerritorialScope { get; init; }
    public bool? AutomatedDetection { get; init; }
    public bool? AutomatedDecision { get; init; }
    public string? Redress { get; init; }
}

/// <summary>One message of the thread between the maintainers and the host about a report (both APIs use this shape).</summary>
public sealed record ThreadMessage
{
    public const string FromMaintainers = "maintainers";
    public const string FromHost = "host";

    public Guid Id { get; init; }

    /// <summary><c>maintainers</c> or <c>host</c>.</summary>
    public string From { get; init; } = "";

    /// <summary>The maintainer's name (maintainers' view only) or <c>host:{hostId}</c>; hosts see no maintainer's name.</summary>
    public string? Author { get; init; }
    public string? Text { get; init; }
    public DateTimeOffset SentAt { get; init; }
}

public sealed record ThreadMessageList
{
    public IReadOnlyList<ThreadMessage> Items { get; init; } = [];
}

// Request bodies. Optional fields are left out when empty: for the host API an absent field and null mean the same,
// and an older Notification ignores fields it does not know.

public sealed record AcknowledgeBody([property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note);

public sealed record MessageBody(string Text);

/// <summary>The statement of reasons from the host inbox's form (POST /api/v1/host/reports/{id}/response).</summary>
public sealed record HostResponseBody
{
    public string Action { get; init; } = "";
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Scope { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateTimeOffset? Until { get; init; }
    public string Grounds { get; init; } = "";
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Automated { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Note { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DecisionGround { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LegalGround { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? TermsReference { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? TerritorialScope { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? AutomatedDetection { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? AutomatedDecision { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Redress { get; init; }
}
