namespace SafetyReports.Portal.Clients;

// The Notification admin API's JSON as the portal reads it; missing fields take their defaults.

public sealed record SubscriptionView
{
    public Guid Id { get; init; }
    public string HostId { get; init; } = "";
    public string Url { get; init; } = "";
    public IReadOnlyList<string> Events { get; init; } = [];
    public IReadOnlyList<string> ModelPatterns { get; init; } = [];
    public bool Enabled { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? DisabledReason { get; init; }
    public DateTimeOffset? FailingSince { get; init; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }
    public DateTimeOffset? DisabledAt { get; init; }
}

public sealed record HostView
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public string? ContactEmail { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public IReadOnlyList<SubscriptionView> Subscriptions { get; init; } = [];
}

public sealed record HostList
{
    public IReadOnlyList<HostView> Items { get; init; } = [];
}

/// <summary>Creation and rotation: the only answers that carry a subscription's secret.</summary>
public sealed record SubscriptionSecret
{
    public Guid Id { get; init; }
    public string Secret { get; init; } = "";
    public SubscriptionView? Subscription { get; init; }
}

public sealed record AttemptView
{
    public DateTimeOffset At { get; init; }
    public int? StatusCode { get; init; }
    public long LatencyMs { get; init; }
    public string? Error { get; init; }
    public string? ResponseExcerpt { get; init; }
}

public sealed record DeliveryView
{
    public Guid Id { get; init; }
    public Guid? ReportId { get; init; }
    public Guid SubscriptionId { get; init; }
    public string WebhookId { get; init; } = "";
    public string EventType { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public IReadOnlyList<AttemptView> Attempts { get; init; } = [];
}

public sealed record DeliveryList
{
    public IReadOnlyList<DeliveryView> Items { get; init; } = [];
}

public sealed record TestDelivery
{
    public Guid DeliveryId { get; init; }
    public string WebhookId { get; init; } = "";
}

public sealed record RecoverResult
{
    public Guid SubscriptionId { get; init; }
    public DateTimeOffset Since { get; init; }
    public int Recovered { get; init; }
}

public sealed record CreateHostBody(string Id, string Name, string ContactEmail);

public sealed record CreateSubscriptionBody(string Url, IReadOnlyList<string> Events, IReadOnlyList<string> ModelPatterns);

public sealed record RecoverBody(string Since);

/// <summary>An edit from the portal's form: every field is sent (no patterns means every model).</summary>
public sealed record EditSubscriptionBody(string Url, IReadOnlyList<string> Events, IReadOnlyList<string> ModelPatterns);

/// <summary>The events a subscription may ask for, as the Notification API names them.</summary>
public static class WebhookEventNames
{
    public static readonly IReadOnlyList<string> Subscribable =
        ["report.triaged", "report.resolved", "report.rejected", "report.reminder", "report.updated", "report.contested", "report.message"];

    public static readonly IReadOnlyList<string> DeliveryStatuses = ["pending", "succeeded", "failed"];
}
