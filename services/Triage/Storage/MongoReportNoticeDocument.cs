using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Triage.Storage;

[BsonNoId]
public sealed class MongoReportNoticeDocument
{
    [BsonElement("shareDescription")]
    public bool ShareDescription { get; set; }

    [BsonElement("sharedEvidence")]
    public List<int> SharedEvidence { get; set; } = [];

    [BsonElement("noteToHost")]
    public string? NoteToHost { get; set; }

    [BsonElement("revision")]
    public int Revision { get; set; }

    [BsonElement("changedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset ChangedAt { get; set; }

    public static MongoReportNoticeDocument From(ReportNotice notice) => new()
    {
        ShareDescription = notice.ShareDescription,
        SharedEvidence = [.. notice.SharedEvidence],
        NoteToHost = notice.NoteToHost,
        Revision = notice.Revision,
        ChangedAt = notice.ChangedAt,
    };

    public ReportNotice ToNotice() => new(ShareDescription, SharedEvidence, NoteToHost, Revision, ChangedAt);
}
