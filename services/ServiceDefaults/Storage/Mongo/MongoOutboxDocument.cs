using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>
/// An outbox row. <see cref="Sequence"/> is an ObjectId made when the row is written: ObjectIds from
/// one process grow with each one made, so sorting by it gives the order the events were written in.
/// </summary>
[MongoDocument]
public sealed class MongoOutboxDocument
{
    [BsonId]
    public ObjectId Sequence { get; set; }
    public Guid MessageId { get; set; }
    public string MessageType { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    [BsonIgnoreIfNull]
    public string? TraceParent { get; set; }

    public static MongoOutboxDocument From(OutboxMessage message) => new()
    {
        Sequence = ObjectId.GenerateNewId(),
        MessageId = message.Id,
        MessageType = message.MessageType,
        Body = message.Body,
        CreatedAt = message.CreatedAt,
        TraceParent = message.TraceParent,
    };

    public OutboxMessage ToMessage() => new(MessageId, MessageType, Body, CreatedAt, TraceParent);
}
