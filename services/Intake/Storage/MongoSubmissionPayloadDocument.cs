using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

/// <summary>The <see cref="ReportSubmitted"/> message Intake keeps until Triage confirms it; the contact is already encrypted.</summary>
[BsonNoId]
[MongoDocument]
public sealed class MongoSubmissionPayloadDocument
{
    public Guid ReportId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public MongoModelReferenceDocument Model { get; set; } = new();
    public string Category { get; set; } = "";
    public string? Severity { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public List<MongoEvidenceDocument> Evidence { get; set; } = [];
    public string? ProtectedContact { get; set; }
    public bool ContactAllowed { get; set; }
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
