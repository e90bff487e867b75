using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.Contracts;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>A <see cref="ModelReference"/> embedded in a MongoDB document.</summary>
[BsonNoId]
[MongoDocument]
public sealed class MongoModelReferenceDocument
{
    public string Host { get; set; } = "";

    // Not named Id: the driver would take a property called Id for the document's _id.
    [BsonElement("id")]
    public string ModelId { get; set; } = "";
    public string? Revision { get; set; }
    public string? Url { get; set; }

    /// <summary>The model's file digests (<see cref="Contracts.FileDigests"/>); absent when none are known.</summary>
    [BsonIgnoreIfNull]
    public List<string>? FileDigests { get; set; }

    public static MongoModelReferenceDocument From(ModelReference model) => new()
    {
        Host = model.Host,
        ModelId = model.Id,
        Revision = model.Revision,
        Url = model.Url,
        FileDigests = model.FileDigests is { Count: > 0 } digests ? [.. digests] : null,
    };

    public ModelReference ToModel() => new(Host, ModelId, Revision, Url, FileDigests is { Count: > 0 } digests ? digests : null);
}
