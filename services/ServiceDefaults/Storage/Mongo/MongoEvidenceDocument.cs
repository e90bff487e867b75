using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.Contracts;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>An <see cref="EvidenceItem"/> embedded in a MongoDB document.</summary>
[BsonNoId]
[MongoDocument]
public sealed class MongoEvidenceDocument
{
    public string Kind { get; set; } = "";
    public string Content { get; set; } = "";

    public static MongoEvidenceDocument From(EvidenceItem item) => new() { Kind = item.Kind, Content = item.Content };

    public EvidenceItem ToItem() => new(Kind, Content);
}
