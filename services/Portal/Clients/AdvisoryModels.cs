namespace SafetyReports.Portal.Clients;

/// <summary>Triage's maintainers' view of an advisory: the record and both served forms (shown as they would be published).</summary>
public sealed record AdvisoryView(AdvisoryRecord Advisory, JsonElement Osv, JsonElement Avid);

public sealed record AdvisoryRecord
{
    public string Id { get; init; } = "";
    public int Revision { get; init; }
    public DateTimeOffset Published { get; init; }
    public DateTimeOffset Modified { get; init; }
    public DateTimeOffset? Withdrawn { get; init; }
    public IReadOnlyList<string> Fields { get; init; } = [];
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? Summary { get; init; }
    public string? Credit { get; init; }
    public IReadOnlyList<AdvisoryReferenceBody> References { get; init; } = [];
}

public sealed record AdvisoryReferenceBody(string Type, string Url);

/// <summary>The publish (and preview) request: the fields approved and the maintainers' own text.</summary>
public sealed record AdvisoryBody(
    IReadOnlyList<string> Fields, string? Summary, string? Credit, IReadOnlyList<AdvisoryReferenceBody>? References, IReadOnlyList<string>? Aliases,
    int? ExpectedRevision);

public sealed record AdvisoryWithdrawBody(int ExpectedRevision);
