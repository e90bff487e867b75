using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// The last link of the one global audit chain. Every append moves it with a compare-and-swap in the
/// same transaction as the entry, so two concurrent appends conflict (and one retries) instead of
/// both linking to the same predecessor.
/// </summary>
[MongoDocument]
public sealed class MongoAuditHeadDocument
{
    public const string ChainId = "audit";

    [BsonId]
    public string Id { get; set; } = ChainId;
    public long Sequence { get; set; }
    public string Hash { get; set; } = AuditChain.GenesisHash;

    public static MongoAuditHeadDocument Genesis() => new() { Id = ChainId, Sequence = 0, Hash = AuditChain.GenesisHash };
}
