namespace SafetyReports.Triage.Advisories;

/// <summary>
/// An advisory as an OSV record (schema 1.7.5, ossf/osv-schema). OSV has no ecosystem for model hubs, so each affected model
/// is an <c>affected</c> entry without a package: its revisions are <c>versions</c> and its host, id and digests are in
/// <c>database_specific</c>. SafetyReports is not a database OSV aggregates: ids carry OSV's <c>x_</c> prefix for local
/// databases (<c>x_SR-2026-0001</c>), and category, severity and the hosts' responses (not CVSS) are in the top-level
/// <c>database_specific</c>. Serialised with <see cref="AdvisoryJson.Osv"/>.
/// </summary>
public sealed record OsvAdvisory(
    string SchemaVersion,
    string Id,
    string Modified,
    string Published,
    string? Withdrawn,
    IReadOnlyList<string> Aliases,
    string? Summary,
    string Details,
    IReadOnlyList<OsvAffected> Affected,
    IReadOnlyList<OsvReference> References,
    IReadOnlyList<OsvCredit> Credits,
    OsvDatabaseSpecific DatabaseSpecific)
{
    public const string SchemaVersionUsed = "1.7.5";
    public const string LocalPrefix = "x_";

    public static OsvAdvisory From(Advisory advisory) => new(
        SchemaVersionUsed,
        LocalPrefix + advisory.Id,
        AdvisoryTime.Timestamp(advisory.Modified),
        AdvisoryTime.Timestamp(advisory.Published),
        advisory.Withdrawn is { } withdrawn ? AdvisoryTime.Timestamp(withdrawn) : null,
        advisory.Aliases,
        advisory.Summary,
        AdvisoryText.Details(advisory),
        [.. advisory.Affected.Select(m => new OsvAffected(m.Revisions, new OsvAffectedSpecific(m.Host, m.Id, m.Digests)))],
        [.. advisory.References.Select(r => new OsvReference(r.Type, r.Url))],
        advisory.Credit is { } credit ? [new OsvCredit(credit)] : [],
        new OsvDatabaseSpecific(
            advisory.Id,
            advisory.Category,
            AdvisoryText.Category(advisory.Category)?.AiLuminateCode,
            advisory.Severity,
            advisory.Revision,
            advisory.HostResponses,
            [.. advisory.History.Select(h => new OsvRevision(h.Revision, AdvisoryTime.Timestamp(h.Modified), h.Change))]));
}

public sealed record OsvAffected(IReadOnlyList<string> Versions, OsvAffectedSpecific DatabaseSpecific);

public sealed record OsvAffectedSpecific(string Host, string Model, IReadOnlyList<string> Digests);

public sealed record OsvReference(string Type, string Url);

/// <summary>A credit by name only: OSV's <c>contact</c> is never filled (<see cref="AdvisoryPrivacy"/>).</summary>
public sealed record OsvCredit(string Name);

public sealed record OsvDatabaseSpecific(
    string SafetyReportsId,
    string Category,
    string? AiLuminateCategory,
    string? Severity,
    int Revision,
    IReadOnlyList<AdvisoryHostResponse> HostResponses,
    IReadOnlyList<OsvRevision> History);

public sealed record OsvRevision(int Revision, string Modified, string Change);
