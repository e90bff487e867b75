namespace SafetyReports.Contracts;

/// <summary>Notification delivered a webhook about a report to its host (a 2xx answer).</summary>
public sealed record WebhookDelivered(
    Guid ReportId,
    string HostId,
    Guid DeliveryId,
    string WebhookId,
    string EventType,
    DateTimeOffset DeliveredAt);
