namespace SafetyReports.Triage.Advisories;

/// <summary>
/// An advisory as an AVID report (the <c>Report</c> datamodel of avidml/avidtools): a third-party advisory about a model
/// artifact, deployed by its host. AVID has no withdrawn field: a withdrawn advisory says so first in its description.
/// The hazard categories are not mapped onto AVID's SEP taxonomy (no faithful mapping exists), so <c>impact</c> is left out.
/// Serialised with <see cref="AdvisoryJson.Avid"/>.
/// </summary>
public sealed record AvidReport(
    string DataType,
    string DataVersion,
    AvidMetadata Metadata,
    AvidAffects Affects,
    AvidProblemtype Problemtype,
    IReadOnlyList<AvidReference> References,
    AvidLangValue Description,
    IReadOnlyList<AvidLangValue>? Credit,
    string ReportedDate)
{
    /// <summary>The avidtools release whose datamodel the vendored schema was generated from (tests/IntegrationTests/Advisories/Schemas).</summary>
    public const string DataVersionUsed = "0.3.2";
    public const string Language = "eng";

    public static AvidReport From(Advisory advisory) => new(
        "AVID",
        DataVersionUsed,
        new AvidMetadata(advisory.Id),
        new AvidAffects([], [.. advisory.Affected.Select(m => m.Host).Distinct()],
            [.. advisory.Affected.Select(m => new AvidArtifact("Model", m.Id))]),
        new AvidProblemtype("Third-party Report", "Advisory",
            new AvidLangValue(Language, AdvisoryText.Category(advisory.Category)?.Label ?? advisory.Category)),
        [.. advisory.References.Select(r => new AvidReference(r.Type.ToLowerInvariant(), r.Type, r.Url))],
        new AvidLangValue(Language, AdvisoryText.Details(advisory)),
        advisory.Credit is { } credit ? [new AvidLangValue(Language, credit)] : null,
        AdvisoryTime.Date(advisory.Published));
}

public sealed record AvidMetadata(string ReportId);

public sealed record AvidAffects(IReadOnlyList<string> Developer, IReadOnlyList<string> Deployer, IReadOnlyList<AvidArtifact> Artifacts);

/// <param name="Type">AVID's artifact type: <c>Model</c>.</param>
public sealed record AvidArtifact(string Type, string Name);

/// <param name="Classof">AVID's class: <c>Third-party Report</c>.</param>
/// <param name="Type">AVID's type: <c>Advisory</c>.</param>
public sealed record AvidProblemtype(string Classof, string Type, AvidLangValue Description);

public sealed record AvidReference(string Type, string Label, string Url);

public sealed record AvidLangValue(string Lang, string Value);
