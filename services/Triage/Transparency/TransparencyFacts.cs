namespace SafetyReports.Triage.Transparency;

/// <summary>
/// What the published figures know about one report: no text, no reporter, only the model, the category,
/// the status, the milestone times, the host's action and whether the reporter contested it. Times are cut to milliseconds, the precision the
/// stores and the audit chain keep, so figures recomputed from an audit export match the service's.
/// </summary>
public sealed record TransparencyFacts
{
    public required string Host { get; init; }
    public required string Model { get; init; }
    public required string Category { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? TriagedAt { get; init; }
    public DateTimeOffset? NotifiedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateTimeOffset? RespondedAt { get; init; }

    /// <summary>The host's latest action (one of the host response actions), null before any response.</summary>
    public string? Action { get; init; }
    public bool Automated { get; init; }

    /// <summary>The reporter contested a response of the host at least once.</summary>
    public bool Contested { get; init; }

    /// <summary>Held out of the figures as part of a burst until a maintainer confirms it (<see cref="Similarity.BurstHold"/>).</summary>
    public bool Held { get; init; }

    public static TransparencyFacts From(Report report) => new()
    {
        Host = report.Model.Host,
        Model = report.Model.Id,
        Category = report.Category,
        Status = report.Status,
        ReceivedAt = AuditChain.Truncate(report.ReceivedAt),
        TriagedAt = Truncate(report.TriagedAt),
        NotifiedAt = Truncate(report.HostNotifiedAt),
        AcknowledgedAt = Truncate(report.AcknowledgedAt),
        RespondedAt = Truncate(report.RespondedAt),
        Action = report.HostResponse?.Action,
        Automated = report.HostResponse?.Automated ?? false,
        Contested = report.Contests.Count > 0,
        Held = report.HeldAt is not null,
    };

    private static DateTimeOffset? Truncate(DateTimeOffset? at) => at is { } value ? AuditChain.Truncate(value) : null;
}
