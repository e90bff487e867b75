using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Triage.Storage;

[BsonNoId]
public sealed class MongoReporterMessageDocument
{
    [BsonElement("id"), BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    [BsonElement("at"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset At { get; set; }

    [BsonElement("text")]
    public string Text { get; set; } = "";

    public static MongoReporterMessageDocument From(ReporterMessage message) => new() { Id = message.Id, At = message.At, Text = message.Text };

    public ReporterMessage ToMessage() => new(Id, At, Text);
}
