using System.Text.Json.Serialization;

namespace SafetyReports.Triage.Transparency;

/// <summary>
/// The figures of the transparency API for one period: one entry per host (or per model of a host). A null
/// count was withheld (it was below the suppression threshold, or would let a withheld one be worked out).
/// </summary>
/// <param name="Held">Reports of the period (of every host, or of the host's models) held out of these figures as part of a burst until a maintainer confirms it.</param>
/// <param name="SealedAt">The public hosts figures of one sealed month: when it was sealed (these are its figures as then); null: provisional.</param>
/// <param name="Errata">
/// The public hosts figures: the dated corrections of the period's sealed months; left out when there are none, so an
/// answer without errata is byte for byte what the audit tool recomputes.
/// </param>
public sealed record TransparencyFigures(
    DateTimeOffset AsOf,
    string From,
    string To,
    int SuppressionThreshold,
    long AcknowledgementSlaSeconds,
    AuditPoint? Audit,
    IReadOnlyList<GroupFigures> Groups,
    long Held = 0,
    DateTimeOffset? SealedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ErratumView>? Errata = null);

/// <summary>
/// A correction of a sealed month's published value, as the API shows it. <see cref="Host"/> null: a figure of the whole
/// answer (<c>held</c>). <see cref="Old"/> and <see cref="New"/> are as published: a number, <c>withheld</c>, or null when the
/// host (or model) was not listed. <see cref="Model"/>: a per-model answer's erratum (left out of the hosts answer's).
/// </summary>
public sealed record ErratumView(
    string Month, DateTimeOffset RecordedAt, string? Host, string Figure, string? Old, string? New,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Model = null);

/// <summary>The errata of a period (<c>GET /api/v1/transparency/errata</c>): of the hosts answer, or of one host's models answer.</summary>
public sealed record ErrataView(string From, string To, string? Host, IReadOnlyList<ErratumView> Errata);

/// <summary>The audit chain's last entry when the figures were read: recompute them from an export up to here.</summary>
public sealed record AuditPoint(long Sequence, string Hash);

/// <param name="Responded">Reports the host gave a statement of reasons on.</param>
/// <param name="Contested">Of those, reports whose reporter contested a response.</param>
/// <param name="ContestedShare">Contested over responded; withheld whenever either count is (a shown share of a shown total would give a withheld count away).</param>
public sealed record GroupFigures(
    string Host,
    string? Model,
    long? Reports,
    long? Triaged,
    IReadOnlyDictionary<string, long?> ByStatus,
    IReadOnlyDictionary<string, long?> ByCategory,
    IReadOnlyDictionary<string, long?> Actions,
    long? AutomatedResponses,
    ResponseTime TimeToTriage,
    ResponseTime TimeToNotify,
    ResponseTime TimeToAcknowledge,
    ResponseTime TimeToRespond,
    AcknowledgementFigures Acknowledgement,
    long? Open,
    IReadOnlyDictionary<string, long?> OpenByAge,
    long? Responded,
    long? Contested,
    double? ContestedShare);

/// <summary>How many reports reached the milestone, and the median and 90th percentile (nearest rank) in seconds.</summary>
public sealed record ResponseTime(long? Count, long? MedianSeconds, long? P90Seconds);

/// <summary>
/// Of the reports whose acknowledgement is settled — acknowledged, or unacknowledged past the SLA — how many
/// were acknowledged within it. Reports still inside their window (pending) are not in the share.
/// </summary>
public sealed record AcknowledgementFigures(long? Notified, long? WithinSla, long? Late, long? Overdue, long? Pending, double? ShareWithinSla);
