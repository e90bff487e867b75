using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Intake.Storage;

/// <summary>A proof-of-work challenge already spent; MongoDB's TTL monitor removes it once expired.</summary>
public sealed class MongoUsedChallengeDocument
{
    [BsonId]
    public string ChallengeHash { get; set; } = "";

    [BsonElement("expiresAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset ExpiresAt { get; set; }
}
