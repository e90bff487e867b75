using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Intake.Storage;

/// <summary>
/// The day's key that the shared rate-limit counters hash clients with, encrypted with the Data Protection key
/// ring the Intake replicas share: a copy of the database alone cannot tell which addresses were counted.
/// </summary>
public sealed class MongoRateLimitKeyDocument
{
    /// <summary>The UTC day, <c>yyyy-MM-dd</c>.</summary>
    [BsonId]
    public string Day { get; set; } = "";

    [BsonElement("protectedKey")]
    public string ProtectedKey { get; set; } = "";

    [BsonElement("expiresAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset ExpiresAt { get; set; }
}
