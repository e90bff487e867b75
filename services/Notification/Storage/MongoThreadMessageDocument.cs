using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Notification.Storage;

/// <summary>A message on a notice's thread, keyed by its id.</summary>
public sealed class MongoThreadMessageDocument
{
    [BsonId, BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    [BsonElement("reportId"), BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid ReportId { get; set; }

    [BsonElement("hostId")]
    public string HostId { get; set; } = "";

    [BsonElement("from")]
    public string From { get; set; } = "";

    [BsonElement("author")]
    public string Author { get; set; } = "";

    [BsonElement("text")]
    public string Text { get; set; } = "";

    [BsonElement("sentAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset SentAt { get; set; }

    public static MongoThreadMessageDocument Of(ThreadMessage message) => new()
    {
        Id = message.Id,
        ReportId = message.ReportId,
        HostId = message.HostId,
        From = message.From,
        Author = message.Author,
        Text = message.Text,
        SentAt = message.SentAt,
    };

    public ThreadMessage ToMessage() => new(Id, ReportId, HostId, From, Author, Text, SentAt);
}
