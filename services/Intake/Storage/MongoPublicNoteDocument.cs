using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

[BsonNoId]
[MongoDocument]
public sealed class MongoPublicNoteDocument
{
    public DateTimeOffset At { get; set; }
    public string Text { get; set; } = "";
    public long Version { get; set; }

    public static MongoPublicNoteDocument From(PublicNote note) => new() { At = note.At, Text = note.Text, Version = note.Version };

    public PublicNote ToNote() => new(At, Text, Version);
}
