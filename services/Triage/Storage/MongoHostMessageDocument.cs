using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

[BsonNoId]
[MongoDocument]
public sealed class MongoHostMessageDocument
{
    public Guid Id { get; set; }

    /// <summary><see cref="HostThreadMessage.From"/>: which side wrote it.</summary>
    [BsonElement("from")]
    public string Side { get; set; } = "";
    public string Author { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }

    public static MongoHostMessageDocument From(HostThreadMessage message) =>
        new() { Id = message.Id, Side = message.From, Author = message.Author, Text = message.Text, SentAt = message.SentAt };

    public HostThreadMessage ToMessage() => new(Id, Side, Author, Text, SentAt);
}
