using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

/// <summary>A message on a notice's thread, keyed by its id.</summary>
[MongoDocument]
public sealed class MongoThreadMessageDocument
{
    [BsonId]
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public string HostId { get; set; } = "";
    public string From { get; set; } = "";
    public string Author { get; set; } = "";
    public string Text { get; set; } = "";
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
