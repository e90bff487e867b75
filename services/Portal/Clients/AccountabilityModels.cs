namespace SafetyReports.Portal.Clients;

// The maintainers' accountability figures (GET /api/v1/triage/accountability/hosts) as the dashboard reads them:
// the transparency figures' shape, of which the dashboard needs the acknowledgements. Nothing is withheld there,
// but a null (a withheld count) still reads as unknown rather than failing the page.

public sealed record AccountabilityFigures
{
    public string? From { get; init; }
    public string? To { get; init; }
    public long AcknowledgementSlaSeconds { get; init; }
    public IReadOnlyList<HostAccountability> Groups { get; init; } = [];
}

public sealed record HostAccountability
{
    public string Host { get; init; } = "";
    public long? Reports { get; init; }
    public long? Open { get; init; }
    public AcknowledgementCounts Acknowledgement { get; init; } = new();
}

/// <summary>Of the reports whose first webhook reached the host: acknowledged within or after the SLA, past it unacknowledged, or still inside it.</summary>
public sealed record AcknowledgementCounts
{
    public long? Notified { get; init; }
    public long? WithinSla { get; init; }
    public long? Late { get; init; }
    public long? Overdue { get; init; }
    public long? Pending { get; init; }
}
