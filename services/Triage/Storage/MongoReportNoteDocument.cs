using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

[BsonNoId]
[MongoDocument]
public sealed class MongoReportNoteDocument
{
    public DateTimeOffset At { get; set; }
    public string Author { get; set; } = "";
    public string Text { get; set; } = "";

    public static MongoReportNoteDocument From(ReportNote note) => new() { At = note.At, Author = note.Author, Text = note.Text };

    public ReportNote ToNote() => new(At, Author, Text);
}
