using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

/// <summary>One link of the audit chain; its sequence is the <c>_id</c>, so no two entries can share a place.</summary>
[MongoDocument]
public sealed class MongoAuditEntryDocument
{
    [BsonId]
    public long Sequence { get; set; }
    public Guid ReportId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string Data { get; set; } = "";
    public string PreviousHash { get; set; } = "";
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
