using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

/// <summary>A report's notice to its host, keyed by the report id: one per report, replaced by a higher revision.</summary>
public sealed class MongoNoticeDocument
{
    [BsonId, BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid ReportId { get; set; }

    [BsonElement("hostId")]
    public string HostId { get; set; } = "";

    [BsonElement("revision")]
    public int Revision { get; set; }

    [BsonElement("model")]
    public MongoModelReferenceDocument Model { get; set; } = new();

    [BsonElement("description")]
    public string? Description { get; set; }

    [BsonElement("evidence")]
    public List<MongoEvidenceDocument> Evidence { get; set; } = [];

    [BsonElement("noteToHost")]
    public string? NoteToHost { get; set; }

    [BsonElement("goodFaith")]
    public bool GoodFaith { get; set; }

    /// <summary>The day as ISO 8601 text (yyyy-MM-dd): a day, not an instant.</summary>
    [BsonElement("receivedOn")]
    public string ReceivedOn { get; set; } = "";

    [BsonElement("sharedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset SharedAt { get; set; }

    public static MongoNoticeDocument From(HostNotice notice) => new()
    {
        ReportId = notice.ReportId,
        HostId = notice.HostId,
        Revision = notice.Revision,
        Model = MongoModelReferenceDocument.From(notice.Model),
        Description = notice.Description,
        Evidence = notice.Evidence.Select(MongoEvidenceDocument.From).ToList(),
        NoteToHost = notice.NoteToHost,
        GoodFaith = notice.GoodFaith,
        ReceivedOn = notice.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        SharedAt = notice.SharedAt,
    };

    public HostNotice ToNotice() => new(
        ReportId, HostId, Revision, Model.ToModel(), Description, Evidence.Select(e => e.ToItem()).ToList(), NoteToHost, GoodFaith,
        DateOnly.ParseExact(ReceivedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture), SharedAt);
}
