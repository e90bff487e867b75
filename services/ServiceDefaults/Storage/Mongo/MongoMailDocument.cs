using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Email;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>A row of the mail outbox (<see cref="MongoMailOutbox"/>); a sent one keeps its id and times, its content removed.</summary>
public sealed class MongoMailDocument
{
    [BsonId, BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    [BsonElement("mail"), BsonIgnoreIfNull]
    public string? Mail { get; set; }

    [BsonElement("queuedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset QueuedAt { get; set; }

    [BsonElement("failures")]
    public int Failures { get; set; }

    [BsonElement("dueAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset DueAt { get; set; }

    [BsonElement("sentAt"), BsonIgnoreIfNull]
    public DateTime? SentAt { get; set; }

    public static MongoMailDocument From(QueuedMail mail) => new()
    {
        Id = mail.Id,
        Mail = mail.ProtectedMail,
        QueuedAt = mail.QueuedAt,
        Failures = mail.Failures,
        DueAt = mail.DueAt,
    };

    public QueuedMail ToQueued() => new(Id, Mail ?? "", QueuedAt, Failures, DueAt);
}
