using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// The bytes of one of a report's evidence files, one document each, inserted in the report's own transaction (as Intake
/// keeps them): a file is at most 10 MiB, inside a document's 16 MiB, and GridFS writes its chunks outside any transaction.
/// </summary>
[MongoDocument]
public sealed class MongoEvidenceFileDocument
{
    [BsonId]
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public byte[] Content { get; set; } = [];
}
