using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Notification.Storage;

/// <summary>A contest the maintainers forwarded to the host, keyed by its id (one per report, host and response revision).</summary>
public sealed class MongoContestDocument
{
    [BsonId, BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    [BsonElement("reportId"), BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid ReportId { get; set; }

    [BsonElement("hostId")]
    public string HostId { get; set; } = "";

    [BsonElement("responseRevision")]
    public int ResponseRevision { get; set; }

    [BsonElement("reason")]
    public string Reason { get; set; } = "";

    [BsonElement("note")]
    public string? Note { get; set; }

    [BsonElement("contestedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset ContestedAt { get; set; }

    [BsonElement("forwardedAt"), BsonRepresentation(BsonType.DateTime)]
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
