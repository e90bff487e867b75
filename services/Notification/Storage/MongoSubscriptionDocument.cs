using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Notification.Storage;

public sealed class MongoSubscriptionDocument
{
    [BsonId, BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    [BsonElement("hostId")]
    public string HostId { get; set; } = "";

    [BsonElement("url")]
    public string Url { get; set; } = "";

    [BsonElement("events")]
    public List<string> Events { get; set; } = [];

    [BsonElement("modelPatterns")]
    public List<string> ModelPatterns { get; set; } = [];

    /// <summary>The signing secret, encrypted before it reaches the store.</summary>
    [BsonElement("protectedSecret")]
    public string ProtectedSecret { get; set; } = "";

    [BsonElement("enabled")]
    public bool Enabled { get; set; }

    [BsonElement("createdAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The secret before the last rotation, encrypted; it signs too until <see cref="PreviousSecretExpiresAt"/>.</summary>
    [BsonElement("previousProtectedSecret")]
    public string? PreviousProtectedSecret { get; set; }

    [BsonElement("previousSecretExpiresAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    [BsonElement("failingSince"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? FailingSince { get; set; }

    [BsonElement("disabledReason")]
    public string? DisabledReason { get; set; }

    [BsonElement("disabledAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? DisabledAt { get; set; }

    public static MongoSubscriptionDocument From(Subscription subscription) => new()
    {
        Id = subscription.Id,
        HostId = subscription.HostId,
        Url = subscription.Url,
        Events = [.. subscription.Events],
        ModelPatterns = [.. subscription.ModelPatterns],
        ProtectedSecret = subscription.ProtectedSecret,
        Enabled = subscription.Enabled,
        CreatedAt = subscription.CreatedAt,
        PreviousProtectedSecret = subscription.PreviousProtectedSecret,
        PreviousSecretExpiresAt = subscription.PreviousSecretExpiresAt,
        FailingSince = subscription.FailingSince,
        DisabledReason = subscription.DisabledReason,
        DisabledAt = subscription.DisabledAt,
    };

    public Subscription ToSubscription() => new(
        Id, HostId, Url, Events, ModelPatterns, ProtectedSecret, Enabled, CreatedAt, PreviousProtectedSecret, PreviousSecretExpiresAt, FailingSince, DisabledReason, DisabledAt);
}
