using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

[BsonNoId]
[MongoDocument]
public sealed class MongoReportNoticeDocument
{
    public bool ShareDescription { get; set; }
    public List<int> SharedEvidence { get; set; } = [];
    public string? NoteToHost { get; set; }
    public int Revision { get; set; }
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
