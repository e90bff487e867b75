using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

/// <summary>A proof-of-work challenge already spent; MongoDB's TTL monitor removes it once expired.</summary>
[MongoDocument]
public sealed class MongoUsedChallengeDocument
{
    [BsonId]
    public string ChallengeHash { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}
