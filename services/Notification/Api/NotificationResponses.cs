using SafetyReports.Notification.Domain;

namespace SafetyReports.Notification.Api;

public sealed record SubscriptionView(Guid Id, string HostId, string Url, IReadOnlyList<string> Events, IReadOnlyList<string> ModelPatterns, bool Enabled, DateTimeOffset CreatedAt)
{
    public static SubscriptionView From(Subscription s) => new(s.Id, s.HostId, s.Url, s.Events, s.ModelPatterns, s.Enabled, s.CreatedAt);
}

/// <summary>The only answers that ever carry a subscription's secret: creation and rotation.</summary>
public sealed record SubscriptionSecretResponse(Guid Id, string Secret, SubscriptionView Subscription);

public sealed record HostView(string Id, string Name, string ContactEmail, DateTimeOffset CreatedAt, IReadOnlyList<SubscriptionView> Subscriptions);

public sealed record DeliveryView(
    Guid Id,
    Guid ReportId,
    Guid SubscriptionId,
    string WebhookId,
    string EventType,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    IReadOnlyList<AttemptView> Attempts);

public sealed record AttemptView(DateTimeOffset At, int? StatusCode, long LatencyMs, string? Error, string? ResponseExcerpt);

public sealed record AcknowledgementView(Guid ReportId, DateTimeOffset AcknowledgedAt);
