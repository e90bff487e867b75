using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Intake.Storage;

/// <summary>An idempotency record; the key hash is the <c>_id</c>, so the key is unique as SQLite's primary key makes it.</summary>
public sealed class MongoIdempotencyDocument
{
    [BsonId]
    public string KeyHash { get; set; } = "";

    [BsonElement("requestHash")]
    public string RequestHash { get; set; } = "";

    [BsonElement("reportId"), BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid ReportId { get; set; }

    [BsonElement("protectedResponse")]
    public string ProtectedResponse { get; set; } = "";

    [BsonElement("createdAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset CreatedAt { get; set; }

    public static MongoIdempotencyDocument From(IdempotencyRecord record) => new()
    {
        KeyHash = record.KeyHash,
        RequestHash = record.RequestHash,
        ReportId = record.ReportId,
        ProtectedResponse = record.ProtectedResponse,
        CreatedAt = record.CreatedAt,
    };

    public IdempotencyRecord ToRecord() => new(KeyHash, RequestHash, ReportId, ProtectedResponse, CreatedAt);
}
