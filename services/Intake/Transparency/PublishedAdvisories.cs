using System.Text.Json.Serialization;

namespace SafetyReports.Intake.Transparency;

/// <summary>
/// Triage's advisory list (<c>GET /api/v1/advisories</c>, newest change first) as the public advisory page shows it; null
/// from <see cref="Parse"/> when the body is not one.
/// </summary>
public sealed record PublishedAdvisories(IReadOnlyList<PublishedAdvisorySummary> Items, string? Next)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PublishedAdvisories? Parse(byte[] body)
    {
        try
        {
            var list = JsonSerializer.Deserialize<PublishedAdvisories>(body, Json);
            return list is { Items: not null } && list.Items.All(i => i is { Id: not null, Category: not null, Affected: not null }) ? list : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record PublishedAdvisorySummary(
    string Id,
    int Revision,
    DateTimeOffset Published,
    DateTimeOffset Modified,
    DateTimeOffset? Withdrawn,
    string Category,
    string? Severity,
    string? Summary,
    IReadOnlyList<PublishedAffectedModel> Affected);

public sealed record PublishedAffectedModel(string Host, string Id, IReadOnlyList<string>? Revisions, IReadOnlyList<string>? Digests);

/// <summary>One advisory as Triage serves it in OSV JSON (docs/advisories.md), read for its page.</summary>
public sealed record PublishedAdvisory(
    string Id,
    DateTimeOffset Modified,
    DateTimeOffset Published,
    DateTimeOffset? Withdrawn,
    IReadOnlyList<string>? Aliases,
    string? Summary,
    IReadOnlyList<OsvAffected>? Affected,
    IReadOnlyList<OsvReference>? References,
    IReadOnlyList<OsvCredit>? Credits,
    [property: JsonPropertyName("database_specific")] AdvisorySpecific DatabaseSpecific)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static PublishedAdvisory? Parse(byte[] body)
    {
        try
        {
            var advisory = JsonSerializer.Deserialize<PublishedAdvisory>(body, Json);
            return advisory is { DatabaseSpecific: { SafetyReportsId: not null, Category: not null } } ? advisory : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record OsvAffected(IReadOnlyList<string>? Versions, [property: JsonPropertyName("database_specific")] OsvAffectedModel? DatabaseSpecific);

public sealed record OsvAffectedModel(string Host, string Model, IReadOnlyList<string>? Digests);

public sealed record OsvReference(string Type, string Url);

public sealed record OsvCredit(string Name);

public sealed record AdvisorySpecific(
    [property: JsonPropertyName("safety_reports_id")] string SafetyReportsId,
    string Category,
    string? Severity,
    int Revision,
    [property: JsonPropertyName("host_responses")] IReadOnlyList<AdvisoryHostResponse>? HostResponses,
    IReadOnlyList<AdvisoryChange>? History);

public sealed record AdvisoryHostResponse(
    string Host,
    string Action,
    string? Scope,
    DateTimeOffset? Until,
    [property: JsonPropertyName("decision_ground")] string? DecisionGround,
    [property: JsonPropertyName("territorial_scope")] IReadOnlyList<string>? TerritorialScope,
    [property: JsonPropertyName("automated_decision")] bool? AutomatedDecision,
    [property: JsonPropertyName("responded_at")] DateTimeOffset RespondedAt);

public sealed record AdvisoryChange(int Revision, DateTimeOffset Modified, string Change);
