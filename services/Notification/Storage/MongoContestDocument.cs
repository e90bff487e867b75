using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

/// <summary>A contest the maintainers forwarded to the host, keyed by its id (one per report, host and response revision).</summary>
[MongoDocument]
public sealed class MongoContestDocument
{
    [BsonId]
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public string HostId { get; set; } = "";
    public int ResponseRevision { get; set; }
    public string Reason { get; set; } = "";
    public string? Note { get; set; }
    public DateTimeOffset ContestedAt { get; set; }
    public DateTimeOffset ForwardedAt { get; set; }

    public static MongoContestDocument From(HostContest contest) => new()
    {
        Id = contest.Id,
        ReportId = contest.ReportId,
        HostId = contest.HostId,
        ResponseRevision = contest.ResponseRevision,
        Reason = contest.Reason,
        Note = contest.Note,
        ContestedAt = contest.ContestedAt,
        ForwardedAt = contest.ForwardedAt,
    };

    public HostContest ToContest() => new(Id, ReportId, HostId, ResponseRevision, Reason, Note, ContestedAt, ForwardedAt);
}
