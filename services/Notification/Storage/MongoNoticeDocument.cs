using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

/// <summary>A report's notice to its host, keyed by the report id: one per report, replaced by a higher revision.</summary>
[MongoDocument]
public sealed class MongoNoticeDocument
{
    [BsonId]
    public Guid ReportId { get; set; }
    public string HostId { get; set; } = "";
    public int Revision { get; set; }
    public MongoModelReferenceDocument Model { get; set; } = new();
    public string? Description { get; set; }
    public List<MongoEvidenceDocument> Evidence { get; set; } = [];
    public string? NoteToHost { get; set; }
    public bool GoodFaith { get; set; }

    /// <summary>The day as ISO 8601 text (yyyy-MM-dd): a day, not an instant.</summary>
    public string ReceivedOn { get; set; } = "";
    public DateTimeOffset SharedAt { get; set; }

    /// <summary>The shared files' records; a document written before files could be shared has none.</summary>
    public List<SharedEvidenceFile> Files { get; set; } = [];

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
        Files = [.. notice.Files ?? []],
    };

    public HostNotice ToNotice() => new(
        ReportId, HostId, Revision, Model.ToModel(), Description, Evidence.Select(e => e.ToItem()).ToList(), NoteToHost, GoodFaith,
        DateOnly.ParseExact(ReceivedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture), SharedAt, Files);
}
