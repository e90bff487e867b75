namespace SafetyReports.Notification.Api;

/// <param name="PreviousSecretExpiresAt">Until then webhooks carry a second signature, made with the secret before the last rotation.</param>
/// <param name="FailingSince">The first failed attempt since the receiver last answered 2xx.</param>
public sealed record SubscriptionView(
    Guid Id,
    string HostId,
    string Url,
    IReadOnlyList<string> Events,
    IReadOnlyList<string> ModelPatterns,
    bool Enabled,
    DateTimeOffset CreatedAt,
    string? DisabledReason,
    DateTimeOffset? FailingSince,
    DateTimeOffset? PreviousSecretExpiresAt,
    DateTimeOffset? DisabledAt)
{
    public static SubscriptionView From(Subscription s) => new(
        s.Id, s.HostId, s.Url, s.Events, s.ModelPatterns, s.Enabled, s.CreatedAt, s.DisabledReason, s.FailingSince,
        s.PreviousProtectedSecret is null ? null : s.PreviousSecretExpiresAt, s.DisabledAt);
}

/// <summary>The only answers that ever carry a subscription's secret: creation and rotation.</summary>
public sealed record SubscriptionSecretResponse(Guid Id, string Secret, SubscriptionView Subscription);

public sealed record HostSummary(string Id, string Name, string ContactEmail, DateTimeOffset CreatedAt);

public sealed record HostListResponse(IReadOnlyList<HostSummary> Items);

public sealed record HostView(string Id, string Name, string ContactEmail, DateTimeOffset CreatedAt, IReadOnlyList<SubscriptionView> Subscriptions);

/// <param name="ReportId">Null for a <c>webhook.test</c> delivery, which is about no report.</param>
public sealed record DeliveryView(
    Guid Id,
    Guid? ReportId,
    Guid SubscriptionId,
    string WebhookId,
    string EventType,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    IReadOnlyList<AttemptView> Attempts)
{
    public static DeliveryView From(Delivery d, IReadOnlyList<DeliveryAttempt> attempts) => new(
        d.Id, d.ReportId == Guid.Empty ? null : d.ReportId, d.SubscriptionId, d.WebhookId, d.EventType, d.Status, d.CreatedAt, d.NextAttemptAt,
        attempts.Select(a => new AttemptView(a.At, a.StatusCode, a.LatencyMs, a.Error, a.ResponseExcerpt)).ToList());
}

public sealed record AttemptView(DateTimeOffset At, int? StatusCode, long LatencyMs, string? Error, string? ResponseExcerpt);

public sealed record TestDeliveryResponse(Guid DeliveryId, string WebhookId);

public sealed record RecoverResponse(Guid SubscriptionId, DateTimeOffset Since, int Recovered);
