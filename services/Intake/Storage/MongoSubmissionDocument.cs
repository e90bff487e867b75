using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

/// <summary>
/// A submission and its receipt in one document. <see cref="Payload"/> and <see cref="NextHandoverAt"/>
/// are cleared when Triage confirms it stored the report, as the SQLite columns are.
/// </summary>
[MongoDocument]
public sealed class MongoSubmissionDocument
{
    [BsonId]
    public Guid Id { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string TokenHash { get; set; } = "";
    public string Status { get; set; } = "";
    public long StatusVersion { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<PublicNote> PublicNotes { get; set; } = [];
    public MongoSubmissionPayloadDocument? Payload { get; set; }
    public DateTimeOffset? HandedOverAt { get; set; }
    public DateTimeOffset? NextHandoverAt { get; set; }
    public int HandoverAttempts { get; set; }
    [BsonIgnoreIfNull]
    public string? TraceParent { get; set; }

    /// <summary>When the hand-over set it aside because its payload could not be read; absent otherwise.</summary>
    [BsonIgnoreIfNull]
    public DateTimeOffset? QuarantinedAt { get; set; }
    [BsonIgnoreIfNull]
    public string? QuarantineReason { get; set; }

    /// <summary>Absent from documents written before host responses reached Intake: read as none.</summary>
    public ReceiptHostResponse? HostResponse { get; set; }

    /// <summary>Absent from documents written before contests existed: read as empty.</summary>
    public List<ReceiptContest> Contests { get; set; } = [];

    /// <summary>The records of the evidence files (their bytes are in their own documents); absent before files existed: none.</summary>
    public List<EvidenceFileRecord> EvidenceFiles { get; set; } = [];

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
        EvidenceFiles = submission.EvidenceFiles.Select(f => f.Record).ToList(),
    };

    public Receipt ToReceipt() => new(
        Id, TokenHash, Status, StatusVersion, ReceivedAt, UpdatedAt, PublicNotes, HandedOverAt,
        HostResponse, Contests, EvidenceFiles);
}
