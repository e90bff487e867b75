using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Intake.Storage;

/// <summary>A reporter's contest on a receipt (SQLite: an item of the <c>contests</c> column).</summary>
[BsonNoId]
public sealed class MongoContestDocument
{
    // Not named Id: the driver would take a property called Id for the document's _id.
    [BsonElement("id"), BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid ContestId { get; set; }

    [BsonElement("hostId")]
    public string HostId { get; set; } = "";

    [BsonElement("responseRevision")]
    public int ResponseRevision { get; set; }

    [BsonElement("contestedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset ContestedAt { get; set; }

    [BsonElement("forwardedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? ForwardedAt { get; set; }

    [BsonElement("closedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? ClosedAt { get; set; }

    [BsonElement("publicNote")]
    public string? PublicNote { get; set; }

    public static MongoContestDocument From(ReceiptContest contest) => new()
    {
        ContestId = contest.Id,
        HostId = contest.HostId,
        ResponseRevision = contest.ResponseRevision,
        ContestedAt = contest.ContestedAt,
        ForwardedAt = contest.ForwardedAt,
        ClosedAt = contest.ClosedAt,
        PublicNote = contest.PublicNote,
    };

    public ReceiptContest ToContest() => new(ContestId, HostId, ResponseRevision, ContestedAt, ForwardedAt, ClosedAt, PublicNote);
}
