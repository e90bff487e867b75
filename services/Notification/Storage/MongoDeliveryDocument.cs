using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Notification.Storage;

/// <summary>
/// A delivery; <see cref="LeaseUntil"/> and <see cref="LeaseToken"/> are the store's own fields: no dispatcher takes it before
/// then, and only the lease's token completes, defers or renews it.
/// </summary>
public sealed class MongoDeliveryDocument
{
    [BsonId, BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    [BsonElement("subscriptionId"), BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid SubscriptionId { get; set; }

    [BsonElement("hostId")]
    public string HostId { get; set; } = "";

    [BsonElement("reportId"), BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid ReportId { get; set; }

    [BsonElement("eventType")]
    public string EventType { get; set; } = "";

    [BsonElement("webhookId")]
    public string WebhookId { get; set; } = "";

    /// <summary>The webhook body exactly as it will be signed and sent, so kept as text.</summary>
    [BsonElement("payload")]
    public string Payload { get; set; } = "";

    [BsonElement("status")]
    public string Status { get; set; } = "";

    [BsonElement("roundAttempts")]
    public int RoundAttempts { get; set; }

    [BsonElement("nextAttemptAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? NextAttemptAt { get; set; }

    [BsonElement("leaseUntil"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>The token of the lease that holds the delivery (new with each lease); null when none does.</summary>
    [BsonElement("leaseToken"), BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid? LeaseToken { get; set; }

    [BsonElement("createdAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset CreatedAt { get; set; }

    [BsonElement("lastAttemptAt"), BsonRepresentation(BsonType.DateTime)]
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
