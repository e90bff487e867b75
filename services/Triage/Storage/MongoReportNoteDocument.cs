using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Triage.Storage;

[BsonNoId]
public sealed class MongoReportNoteDocument
{
    [BsonElement("at"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset At { get; set; }

    [BsonElement("author")]
    public string Author { get; set; } = "";

    [BsonElement("text")]
    public string Text { get; set; } = "";

    public static MongoReportNoteDocument From(ReportNote note) => new() { At = note.At, Author = note.Author, Text = note.Text };

    public ReportNote ToNote() => new(At, Author, Text);
}
