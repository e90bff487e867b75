using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

/// <summary>
/// The day's key that the shared rate-limit counters hash clients with, encrypted with the Data Protection key
/// ring the Intake replicas share: a copy of the database alone cannot tell which addresses were counted.
/// </summary>
[MongoDocument]
public sealed class MongoRateLimitKeyDocument
{
    /// <summary>The UTC day, <c>yyyy-MM-dd</c>.</summary>
    [BsonId]
    public string Day { get; set; } = "";
    public string ProtectedKey { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}
