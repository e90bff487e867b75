using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

[BsonNoId]
[MongoDocument]
public sealed class MongoReportSummaryDocument
{
    public string Status { get; set; } = "";
    public long Version { get; set; }
    public MongoModelReferenceDocument Model { get; set; } = new();
    public string Category { get; set; } = "";
    public string? Severity { get; set; }
    public string Title { get; set; } = "";
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
