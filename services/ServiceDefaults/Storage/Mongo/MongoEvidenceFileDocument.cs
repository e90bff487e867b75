using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>
/// The bytes of one evidence file, one document each, inserted in the transaction of what holds it (Intake's submission,
/// Triage's report). A file is at most 10 MiB, well inside a document's 16 MiB, so GridFS (whose chunks are written
/// outside any transaction) is not needed.
/// </summary>
[MongoDocument]
public sealed class MongoEvidenceFileDocument
{
    [BsonId]
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public byte[] Content { get; set; } = [];
}
