using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

/// <summary>A reporter's contest on a receipt (SQLite: an item of the <c>contests</c> column).</summary>
[BsonNoId]
[MongoDocument]
public sealed class MongoContestDocument
{
    // Not named Id: the driver would take a property called Id for the document's _id.
    [BsonElement("id")]
    public Guid ContestId { get; set; }
    public string HostId { get; set; } = "";
    public int ResponseRevision { get; set; }
    public DateTimeOffset ContestedAt { get; set; }
    public DateTimeOffset? ForwardedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
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
