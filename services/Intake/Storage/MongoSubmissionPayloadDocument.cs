using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

/// <summary>The <see cref="ReportSubmitted"/> message Intake keeps until Triage confirms it; the contact is already encrypted.</summary>
[BsonNoId]
public sealed class MongoSubmissionPayloadDocument
{
    [BsonElement("reportId"), BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid ReportId { get; set; }

    [BsonElement("receivedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset ReceivedAt { get; set; }

    [BsonElement("model")]
    public MongoModelReferenceDocument Model { get; set; } = new();

    [BsonElement("category")]
    public string Category { get; set; } = "";

    [BsonElement("severity")]
    public string? Severity { get; set; }

    [BsonElement("title")]
    public string Title { get; set; } = "";

    [BsonElement("description")]
    public string Description { get; set; } = "";

    [BsonElement("evidence")]
    public List<MongoEvidenceDocument> Evidence { get; set; } = [];

    [BsonElement("protectedContact")]
    public string? ProtectedContact { get; set; }

    [BsonElement("contactAllowed")]
    public bool ContactAllowed { get; set; }

    [BsonElement("unchallenged")]
    public bool Unchallenged { get; set; }

    public static MongoSubmissionPayloadDocument From(ReportSubmitted submitted) => new()
    {
        ReportId = submitted.ReportId,
        ReceivedAt = submitted.ReceivedAt,
        Model = MongoModelReferenceDocument.From(submitted.Model),
        Category = submitted.Category,
        Severity = submitted.Severity,
        Title = submitted.Title,
        Description = submitted.Description,
        Evidence = submitted.Evidence.Select(MongoEvidenceDocument.From).ToList(),
        ProtectedContact = submitted.ProtectedContact,
        ContactAllowed = submitted.ContactAllowed,
        Unchallenged = submitted.Unchallenged,
    };

    public ReportSubmitted ToMessage() => new(
        ReportId, ReceivedAt, Model.ToModel(), Category, Severity, Title, Description,
        Evidence.Select(e => e.ToItem()).ToList(), ProtectedContact, ContactAllowed, Unchallenged);
}
