using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Triage.Storage;

/// <summary>One link of the audit chain; its sequence is the <c>_id</c>, so no two entries can share a place.</summary>
public sealed class MongoAuditEntryDocument
{
    [BsonId]
    public long Sequence { get; set; }

    [BsonElement("reportId"), BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid ReportId { get; set; }

    [BsonElement("at"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset At { get; set; }

    [BsonElement("actor")]
    public string Actor { get; set; } = "";

    [BsonElement("action")]
    public string Action { get; set; } = "";

    [BsonElement("data")]
    public string Data { get; set; } = "";

    [BsonElement("previousHash")]
    public string PreviousHash { get; set; } = "";

    [BsonElement("hash")]
    public string Hash { get; set; } = "";

    /// <summary>The transparency log's leaf hash of this entry (<see cref="TransparencyLog.LogLeaf"/>); null only on an entry from before the log.</summary>
    [BsonElement("leaf"), BsonIgnoreIfNull]
    public byte[]? Leaf { get; set; }

    public static MongoAuditEntryDocument From(AuditEntry entry) => new()
    {
        Sequence = entry.Sequence,
        ReportId = entry.ReportId,
        At = entry.At,
        Actor = entry.Actor,
        Action = entry.Action,
        Data = entry.Data,
        PreviousHash = entry.PreviousHash,
        Hash = entry.Hash,
        Leaf = TransparencyLog.LogLeaf.HashOf(entry),
    };

    public AuditEntry ToEntry() => new(Sequence, ReportId, At, Actor, Action, Data, PreviousHash, Hash);
}
