using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

/// <summary>
/// A delivery; <see cref="LeaseUntil"/> and <see cref="LeaseToken"/> are the store's own fields: no dispatcher takes it before
/// then, and only the lease's token completes, defers or renews it.
/// </summary>
[MongoDocument]
public sealed class MongoDeliveryDocument
{
    [BsonId]
    public Guid Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public string HostId { get; set; } = "";
    public Guid ReportId { get; set; }
    public string EventType { get; set; } = "";
    public string WebhookId { get; set; } = "";

    /// <summary>The webhook body exactly as it will be signed and sent, so kept as text.</summary>
    public string Payload { get; set; } = "";
    public string Status { get; set; } = "";
    public int RoundAttempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>The token of the lease that holds the delivery (new with each lease); null when none does.</summary>
    public Guid? LeaseToken { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }

    public static MongoDeliveryDocument From(Delivery delivery) => new()
    {
        Id = delivery.Id,
        SubscriptionId = delivery.SubscriptionId,
        HostId = delivery.HostId,
        ReportId = delivery.ReportId,
        EventType = delivery.EventType,
        WebhookId = delivery.WebhookId,
        Payload = delivery.Payload,
        Status = delivery.Status,
        RoundAttempts = delivery.RoundAttempts,
        NextAttemptAt = delivery.NextAttemptAt,
        LeaseUntil = null,
        LeaseToken = null,
        CreatedAt = delivery.CreatedAt,
        LastAttemptAt = delivery.LastAttemptAt,
    };

    public Delivery ToDelivery() => new(
        Id, SubscriptionId, HostId, ReportId, EventType, WebhookId, Payload, Status, RoundAttempts, NextAttemptAt, CreatedAt, LastAttemptAt);
}
