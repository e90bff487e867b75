using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Intake.Storage;

/// <summary>
/// A submission and its receipt in one document. <see cref="Payload"/> and <see cref="NextHandoverAt"/>
/// are cleared when Triage confirms it stored the report, as the SQLite columns are.
/// </summary>
public sealed class MongoSubmissionDocument
{
    [BsonId, BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    [BsonElement("receivedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset ReceivedAt { get; set; }

    [BsonElement("tokenHash")]
    public string TokenHash { get; set; } = "";

    [BsonElement("status")]
    public string Status { get; set; } = "";

    [BsonElement("statusVersion")]
    public long StatusVersion { get; set; }

    [BsonElement("updatedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset UpdatedAt { get; set; }

    [BsonElement("publicNotes")]
    public List<MongoPublicNoteDocument> PublicNotes { get; set; } = [];

    [BsonElement("payload")]
    public MongoSubmissionPayloadDocument? Payload { get; set; }

    [BsonElement("handedOverAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? HandedOverAt { get; set; }

    [BsonElement("nextHandoverAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? NextHandoverAt { get; set; }

    [BsonElement("handoverAttempts")]
    public int HandoverAttempts { get; set; }

    [BsonElement("traceParent"), BsonIgnoreIfNull]
    public string? TraceParent { get; set; }

    /// <summary>When the hand-over set it aside because its payload could not be read; absent otherwise.</summary>
    [BsonElement("quarantinedAt"), BsonRepresentation(BsonType.DateTime), BsonIgnoreIfNull]
    public DateTimeOffset? QuarantinedAt { get; set; }

    [BsonElement("quarantineReason"), BsonIgnoreIfNull]
    public string? QuarantineReason { get; set; }

    /// <summary>Absent from documents written before host responses reached Intake: read as none.</summary>
    [BsonElement("hostResponse")]
    public MongoHostResponseDocument? HostResponse { get; set; }

    /// <summary>Absent from documents written before contests existed: read as empty.</summary>
    [BsonElement("contests")]
    public List<MongoContestDocument> Contests { get; set; } = [];

    /// <summary>A new submission: status <c>received</c> at version 0, due for hand-over at once.</summary>
    public static MongoSubmissionDocument From(Submission submission) => new()
    {
        Id = submission.Id,
        ReceivedAt = submission.ReceivedAt,
        TokenHash = submission.TokenHash,
        Status = ReportStatuses.Received,
        StatusVersion = 0,
        UpdatedAt = submission.ReceivedAt,
        PublicNotes = [],
        Payload = MongoSubmissionPayloadDocument.From(submission.Payload),
        HandedOverAt = null,
        NextHandoverAt = submission.ReceivedAt,
        HandoverAttempts = 0,
        TraceParent = submission.TraceParent,
        HostResponse = null,
        Contests = [],
    };

    public Receipt ToReceipt() => new(
        Id, TokenHash, Status, StatusVersion, ReceivedAt, UpdatedAt, PublicNotes.Select(n => n.ToNote()).ToList(), HandedOverAt,
        HostResponse?.ToResponse(), ContestsOf());

    public IReadOnlyList<ReceiptContest> ContestsOf() => Contests.Select(c => c.ToContest()).ToList();
}
