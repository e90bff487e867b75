namespace SafetyReports.Portal.Clients;

// GET /api/v1/notices as the portal reads it.

/// <summary>A subscription Notification disabled on its own (reason <c>gone</c> or <c>failing</c>).</summary>
public sealed record SubscriptionNotice
{
    public string Kind { get; init; } = "";
    public Guid SubscriptionId { get; init; }
    public string HostId { get; init; } = "";
    public string Url { get; init; } = "";
    public string Reason { get; init; } = "";
    public DateTimeOffset DisabledAt { get; init; }
    public DateTimeOffset? FailingSince { get; init; }
}

public sealed record NoticeList
{
    public IReadOnlyList<SubscriptionNotice> Items { get; init; } = [];
    public int Total { get; init; }
}
