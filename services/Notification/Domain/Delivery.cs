namespace SafetyReports.Notification.Domain;

public static class DeliveryStatuses
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

/// <summary>
/// One event for one subscription. <see cref="WebhookId"/> is fixed at creation, so every attempt
/// and every replay carries the same <c>webhook-id</c> and receivers can deduplicate.
/// </summary>
/// <param name="RoundAttempts">Attempts since creation or the last replay: the index into the retry schedule.</param>
public sealed record Delivery(
    Guid Id,
    Guid SubscriptionId,
    string HostId,
    Guid ReportId,
    string EventType,
    string WebhookId,
    string Payload,
    string Status,
    int RoundAttempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt);
