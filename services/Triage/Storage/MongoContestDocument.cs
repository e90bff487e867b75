using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Triage.Storage;

[BsonNoId]
public sealed class MongoContestDocument
{
    [BsonElement("id"), BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    [BsonElement("hostId")]
    public string HostId { get; set; } = "";

    [BsonElement("responseRevision")]
    public int ResponseRevision { get; set; }

    [BsonElement("reason")]
    public string Reason { get; set; } = "";

    [BsonElement("contestedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset ContestedAt { get; set; }

    [BsonElement("state")]
    public string State { get; set; } = "";

    [BsonElement("forwardedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? ForwardedAt { get; set; }

    [BsonElement("forwardedReason")]
    public string? ForwardedReason { get; set; }

    [BsonElement("forwardNote")]
    public string? ForwardNote { get; set; }

    [BsonElement("closedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? ClosedAt { get; set; }

    [BsonElement("publicNote")]
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
