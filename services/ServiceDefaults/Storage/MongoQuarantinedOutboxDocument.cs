using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.ServiceDefaults.Storage;

/// <summary>An outbox row the dispatcher could not read back as a message, kept with why and when (SQLite: <c>outbox_quarantine</c>).</summary>
public sealed class MongoQuarantinedOutboxDocument
{
    [BsonId, BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid MessageId { get; set; }

    [BsonElement("messageType")]
    public string MessageType { get; set; } = "";

    [BsonElement("body")]
    public string Body { get; set; } = "";

    [BsonElement("createdAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset CreatedAt { get; set; }

    [BsonElement("traceParent"), BsonIgnoreIfNull]
    public string? TraceParent { get; set; }

    [BsonElement("reason")]
    public string Reason { get; set; } = "";

    [BsonElement("quarantinedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset QuarantinedAt { get; set; }

    public static MongoQuarantinedOutboxDocument From(MongoOutboxDocument row, string reason, DateTimeOffset at) => new()
    {
        MessageId = row.MessageId,
        MessageType = row.MessageType,
        Body = row.Body,
        CreatedAt = row.CreatedAt,
        TraceParent = row.TraceParent,
        Reason = reason,
        QuarantinedAt = at,
    };
}
