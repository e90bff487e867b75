using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

[BsonNoId]
public sealed class MongoReportSummaryDocument
{
    [BsonElement("status")]
    public string Status { get; set; } = "";

    [BsonElement("version")]
    public long Version { get; set; }

    [BsonElement("model")]
    public MongoModelReferenceDocument Model { get; set; } = new();

    [BsonElement("category")]
    public string Category { get; set; } = "";

    [BsonElement("severity")]
    public string? Severity { get; set; }

    [BsonElement("title")]
    public string Title { get; set; } = "";

    [BsonElement("changedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset ChangedAt { get; set; }

    public static MongoReportSummaryDocument From(ReportSummary summary) => new()
    {
        Status = summary.Status,
        Version = summary.Version,
        Model = MongoModelReferenceDocument.From(summary.Model),
        Category = summary.Category,
        Severity = summary.Severity,
        Title = summary.Title,
        ChangedAt = summary.ChangedAt,
    };

    public ReportSummary ToSummary() => new(Status, Version, Model.ToModel(), Category, Severity, Title, ChangedAt);
}
