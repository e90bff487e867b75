using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

[MongoDocument]
public sealed class MongoSubscriptionDocument
{
    [BsonId]
    public Guid Id { get; set; }
    public string HostId { get; set; } = "";
    public string Url { get; set; } = "";
    public List<string> Events { get; set; } = [];
    public List<string> ModelPatterns { get; set; } = [];

    /// <summary>The signing secret, encrypted before it reaches the store.</summary>
    public string ProtectedSecret { get; set; } = "";
    public bool Enabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The secret before the last rotation, encrypted; it signs too until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousProtectedSecret { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }
    public DateTimeOffset? FailingSince { get; set; }
    public string? DisabledReason { get; set; }
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
