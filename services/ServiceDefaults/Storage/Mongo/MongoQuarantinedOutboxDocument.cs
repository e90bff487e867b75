using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>An outbox row the dispatcher could not read back as a message, kept as it was with why and when (SQLite: <c>outbox_quarantine</c>).</summary>
public sealed class MongoQuarantinedOutboxDocument
{
    [BsonId, BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid MessageId { get; set; }

    [BsonElement("row")]
    public MongoOutboxDocument Row { get; set; } = new();

    [BsonElement("reason")]
    public string Reason { get; set; } = "";

    [BsonElement("quarantinedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset QuarantinedAt { get; set; }

    public static MongoQuarantinedOutboxDocument From(MongoOutboxDocument row, string reason, DateTimeOffset at) =>
        new() { MessageId = row.MessageId, Row = row, Reason = reason, QuarantinedAt = at };
}
