namespace SafetyReports.Intake.Transparency;

/// <summary>
/// Triage's transparency figures as its API serves them (JSON, web defaults). Intake reads them over HTTP and
/// keeps its own copy of the shape: it must not reference the Triage project. A null count was withheld.
/// </summary>
public sealed record PublishedFigures(
    DateTimeOffset AsOf,
    string From,
    string To,
    int SuppressionThreshold,
    long AcknowledgementSlaSeconds,
    PublishedAuditPoint? Audit,
    IReadOnlyList<PublishedGroup> Groups,
    long Held = 0,
    DateTimeOffset? SealedAt = null,
    IReadOnlyList<PublishedErratum>? Errata = null);

/// <summary>A dated correction of a sealed month's value: old and new as published (a number, "withheld", or null: not listed).</summary>
/// <param name="Model">Set on an erratum of one host's per-model figures (the models page's rows).</param>
public sealed record PublishedErratum(string Month, DateTimeOffset RecordedAt, string? Host, string Figure, string? Old, string? New, string? Model = null);

public sealed record PublishedAuditPoint(long Sequence, string Hash);

public sealed record PublishedGroup(
    string Host,
    string? Model,
    long? Reports,
    long? Triaged,
    IReadOnlyDictionary<string, long?>? ByStatus,
    IReadOnlyDictionary<string, long?>? ByCategory,
    IReadOnlyDictionary<string, long?>? Actions,
    long? AutomatedResponses,
    PublishedResponseTime? TimeToTriage,
    PublishedResponseTime? TimeToNotify,
    PublishedResponseTime? TimeToAcknowledge,
    PublishedResponseTime? TimeToRespond,
    PublishedAcknowledgement? Acknowledgement,
    long? Open,
    IReadOnlyDictionary<string, long?>? OpenByAge,
    long? Responded = null,
    long? Contested = null,
    double? ContestedShare = null);

/// <summary>How many reports reached a milestone, and the median and 90th percentile in seconds.</summary>
public sealed record PublishedResponseTime(long? Count, long? MedianSeconds, long? P90Seconds);

public sealed record PublishedAcknowledgement(long? Notified, long? WithinSla, long? Late, long? Overdue, long? Pending, double? ShareWithinSla);
