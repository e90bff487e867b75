using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Triage.Storage;

[BsonNoId]
public sealed class MongoHostMessageDocument
{
    [BsonElement("id"), BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    /// <summary><see cref="HostThreadMessage.From"/>: which side wrote it.</summary>
    [BsonElement("from")]
    public string Side { get; set; } = "";

    [BsonElement("author")]
    public string Author { get; set; } = "";

    [BsonElement("text")]
    public string Text { get; set; } = "";

    [BsonElement("sentAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset SentAt { get; set; }

    public static MongoHostMessageDocument From(HostThreadMessage message) =>
        new() { Id = message.Id, Side = message.From, Author = message.Author, Text = message.Text, SentAt = message.SentAt };

    public HostThreadMessage ToMessage() => new(Id, Side, Author, Text, SentAt);
}
