using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

[BsonNoId]
[MongoDocument]
public sealed class MongoContestDocument
{
    public Guid Id { get; set; }
    public string HostId { get; set; } = "";
    public int ResponseRevision { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset ContestedAt { get; set; }
    public string State { get; set; } = "";
    public DateTimeOffset? ForwardedAt { get; set; }
    public string? ForwardedReason { get; set; }
    public string? ForwardNote { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? PublicNote { get; set; }

    public static MongoContestDocument From(ReportContest contest) => new()
    {
        Id = contest.Id,
        HostId = contest.HostId,
        ResponseRevision = contest.ResponseRevision,
        Reason = contest.Reason,
        ContestedAt = contest.ContestedAt,
        State = contest.State,
        ForwardedAt = contest.ForwardedAt,
        ForwardedReason = contest.ForwardedReason,
        ForwardNote = contest.ForwardNote,
        ClosedAt = contest.ClosedAt,
        PublicNote = contest.PublicNote,
    };

    public ReportContest ToContest() =>
        new(Id, HostId, ResponseRevision, Reason, ContestedAt, State, ForwardedAt, ForwardedReason, ForwardNote, ClosedAt, PublicNote);
}
