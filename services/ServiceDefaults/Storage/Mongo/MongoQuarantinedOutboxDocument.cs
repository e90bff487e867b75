using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>An outbox row the dispatcher could not read back as a message, kept as it was with why and when (SQLite: <c>outbox_quarantine</c>).</summary>
[MongoDocument]
public sealed class MongoQuarantinedOutboxDocument
{
    [BsonId]
    public Guid MessageId { get; set; }
    public MongoOutboxDocument Row { get; set; } = new();
    public string Reason { get; set; } = "";
    public DateTimeOffset QuarantinedAt { get; set; }

    public static MongoQuarantinedOutboxDocument From(MongoOutboxDocument row, string reason, DateTimeOffset at) =>
        new() { MessageId = row.MessageId, Row = row, Reason = reason, QuarantinedAt = at };
}
