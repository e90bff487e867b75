using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Intake.Storage;

[BsonNoId]
public sealed class MongoPublicNoteDocument
{
    [BsonElement("at"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset At { get; set; }

    [BsonElement("text")]
    public string Text { get; set; } = "";

    [BsonElement("version")]
    public long Version { get; set; }

    public static MongoPublicNoteDocument From(PublicNote note) => new() { At = note.At, Text = note.Text, Version = note.Version };

    public PublicNote ToNote() => new(At, Text, Version);
}
