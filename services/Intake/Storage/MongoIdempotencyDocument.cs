using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

/// <summary>An idempotency record; the key hash is the <c>_id</c>, so the key is unique as SQLite's primary key makes it.</summary>
[MongoDocument]
public sealed class MongoIdempotencyDocument
{
    [BsonId]
    public string KeyHash { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public Guid ReportId { get; set; }
    public string ProtectedResponse { get; set; } = "";
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
