using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

[BsonNoId]
[MongoDocument]
public sealed class MongoReporterMessageDocument
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Text { get; set; } = "";

    public static MongoReporterMessageDocument From(ReporterMessage message) => new() { Id = message.Id, At = message.At, Text = message.Text };

    public ReporterMessage ToMessage() => new(Id, At, Text);
}
