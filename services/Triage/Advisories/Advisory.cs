namespace SafetyReports.Triage.Advisories;

/// <summary>
/// A report published for others to import: only what the maintainers approved, never the reporter (no name, no contact,
/// none of the reporter's text). Built by <see cref="AdvisoryContent"/> alone; every change is a new <see cref="Revision"/>
/// with a later <see cref="Modified"/>, withdrawing included. <see cref="Id"/> is allocated once by the store and never reused.
/// </summary>
public sealed record Advisory
{
    /// <summary><c>SR-{year}-{number}</c>, e.g. <c>SR-2026-0001</c>; empty before the store allocated it (a preview).</summary>
    public required string Id { get; init; }

    /// <summary>The report it was published from: kept for the maintainers, never served.</summary>
    public required Guid ReportId { get; init; }

    public required int Revision { get; init; }
    public required DateTimeOffset Published { get; init; }
    public required DateTimeOffset Modified { get; init; }
    public DateTimeOffset? Withdrawn { get; init; }

    /// <summary>The fields the maintainers approved beyond those always published (<see cref="AdvisoryFields"/>).</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<AffectedModel> Affected { get; init; } = [];
    public required string Category { get; init; }
    public string? Severity { get; init; }

    /// <summary>Written by the maintainers for the advisory; never the reporter's title or description.</summary>
    public string? Summary { get; init; }

    public IReadOnlyList<AdvisoryHostResponse> HostResponses { get; init; } = [];
    public IReadOnlyList<AdvisoryReference> References { get; init; } = [];

    /// <summary>Whom the advisory credits, as the maintainers wrote it; null: anonymous (the default).</summary>
    public string? Credit { get; init; }

    /// <summary>Every revision, oldest first; the last is this one.</summary>
    public IReadOnlyList<AdvisoryRevision> History { get; init; } = [];

    public bool IsWithdrawn => Withdrawn is not null;
}

/// <summary>
/// A model the advisory is about. <see cref="Digests"/> stays empty until reports carry their files' digests (issue 20's model
/// identity); then <see cref="AdvisoryContent"/> fills it from the report in one line.
/// </summary>
public sealed record AffectedModel(string Host, string Id, IReadOnlyList<string> Revisions, IReadOnlyList<string> Digests);

/// <summary>
/// What a host did, as the public may know it (the structured part of its statement of reasons): never its grounds,
/// legal ground, terms reference, redress text or note, which are the host's free text.
/// </summary>
public sealed record AdvisoryHostResponse(
    string Host,
    string Action,
    string? Scope,
    DateTimeOffset? Until,
    string? DecisionGround,
    IReadOnlyList<string>? TerritorialScope,
    bool? AutomatedDecision,
    DateTimeOffset RespondedAt);

/// <param name="Type">An OSV reference type (<see cref="AdvisoryFields.ReferenceTypes"/>).</param>
public sealed record AdvisoryReference(string Type, string Url);

/// <param name="Change"><c>published</c>, <c>revised</c> or <c>withdrawn</c>.</param>
public sealed record AdvisoryRevision(int Revision, DateTimeOffset Modified, string Change);
