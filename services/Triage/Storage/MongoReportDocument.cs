using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;
using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// A whole report in one document. <see cref="SearchText"/> is the lower-cased text the queue search
/// looks in (through a text index), the same text SQLite's <c>search_text</c> column holds. Timestamps are BSON dates (milliseconds).
/// </summary>
public sealed class MongoReportDocument
{
    [BsonId, BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

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

    /// <summary>The reporter's language; reports stored before it was kept get "en" (migration 3).</summary>
    [BsonElement("language")]
    public string Language { get; set; } = SupportedLanguages.Default;

    [BsonElement("notifyByEmail")]
    public bool NotifyByEmail { get; set; }

    [BsonElement("reporterMessages")]
    public List<MongoReporterMessageDocument> ReporterMessages { get; set; } = [];

    [BsonElement("assignee")]
    public string? Assignee { get; set; }

    [BsonElement("duplicateOf"), BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid? DuplicateOf { get; set; }

    [BsonElement("notes")]
    public List<MongoReportNoteDocument> Notes { get; set; } = [];

    [BsonElement("publicNotes")]
    public List<MongoReportNoteDocument> PublicNotes { get; set; } = [];

    [BsonElement("receivedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset ReceivedAt { get; set; }

    [BsonElement("updatedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset UpdatedAt { get; set; }

    [BsonElement("triagedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? TriagedAt { get; set; }

    [BsonElement("hostNotifiedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? HostNotifiedAt { get; set; }

    [BsonElement("acknowledgedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? AcknowledgedAt { get; set; }

    [BsonElement("respondedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? RespondedAt { get; set; }

    [BsonElement("hostResponse")]
    public MongoHostStatementDocument? HostResponse { get; set; }

    [BsonElement("notice")]
    public MongoReportNoticeDocument? Notice { get; set; }

    [BsonElement("contests")]
    public List<MongoContestDocument> Contests { get; set; } = [];

    /// <summary>Whether a contest waits on the maintainers (<see cref="ReportContests.HasOpen"/>), indexed (partially: true only) for <c>contested=true</c>.</summary>
    [BsonElement("contestOpen")]
    public bool ContestOpen { get; set; }

    [BsonElement("hostMessages")]
    public List<MongoHostMessageDocument> HostMessages { get; set; } = [];

    [BsonElement("disclosureRemindedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? DisclosureRemindedAt { get; set; }

    [BsonElement("disclosureDueAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? DisclosureDueAt { get; set; }

    [BsonElement("disclosedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? DisclosedAt { get; set; }

    /// <summary>The triage time while the host's response is awaited (<see cref="Disclosure.DisclosurePolicy.UnansweredSince"/>), indexed for the disclosure job.</summary>
    [BsonElement("unansweredSince"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? UnansweredSince { get; set; }

    [BsonElement("searchText")]
    public string SearchText { get; set; } = "";

    /// <summary>Received time plus the SLA of the severity, stored so the deadline order and overdue filter use an index.</summary>
    [BsonElement("deadline"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset Deadline { get; set; }

    [BsonElement("closedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The close time while the report still holds contact (<see cref="ContactRetention.PurgeKey"/>), indexed for the purge.</summary>
    [BsonElement("contactClosedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? ContactClosedAt { get; set; }

    /// <summary>What the report adds to the transparency cells now; absent while it adds nothing (stored before contributions were kept).</summary>
    [BsonElement("transparency"), BsonIgnoreIfNull]
    public MongoTransparencyContributionDocument? Transparency { get; set; }

    public static MongoReportDocument From(Report report, SlaOptions? sla = null) => new()
    {
        Id = report.Id,
        Status = report.Status,
        Version = report.Version,
        Model = MongoModelReferenceDocument.From(report.Model),
        Category = report.Category,
        Severity = report.Severity,
        Title = report.Title,
        Description = report.Description,
        Evidence = report.Evidence.Select(MongoEvidenceDocument.From).ToList(),
        ProtectedContact = report.ProtectedContact,
        ContactAllowed = report.ContactAllowed,
        Unchallenged = report.Unchallenged,
        Language = report.Language,
        NotifyByEmail = report.NotifyByEmail,
        ReporterMessages = report.ReporterMessages.Select(MongoReporterMessageDocument.From).ToList(),
        Assignee = report.Assignee,
        DuplicateOf = report.DuplicateOf,
        Notes = report.Notes.Select(MongoReportNoteDocument.From).ToList(),
        PublicNotes = report.PublicNotes.Select(MongoReportNoteDocument.From).ToList(),
        ReceivedAt = report.ReceivedAt,
        UpdatedAt = report.UpdatedAt,
        TriagedAt = report.TriagedAt,
        HostNotifiedAt = report.HostNotifiedAt,
        AcknowledgedAt = report.AcknowledgedAt,
        RespondedAt = report.RespondedAt,
        HostResponse = report.HostResponse is null ? null : MongoHostStatementDocument.From(report.HostResponse),
        Notice = report.Notice is null ? null : MongoReportNoticeDocument.From(report.Notice),
        Contests = report.Contests.Select(MongoContestDocument.From).ToList(),
        ContestOpen = ReportContests.HasOpen(report),
        HostMessages = report.HostMessages.Select(MongoHostMessageDocument.From).ToList(),
        DisclosureRemindedAt = report.DisclosureRemindedAt,
        DisclosureDueAt = report.DisclosureDueAt,
        DisclosedAt = report.DisclosedAt,
        UnansweredSince = Disclosure.DisclosurePolicy.UnansweredSince(report),
        SearchText = ReportDocument.SearchText(report),
        Deadline = SlaPolicy.Deadline(sla ?? new SlaOptions(), report.ReceivedAt, report.Severity),
        ClosedAt = report.ClosedAt,
        ContactClosedAt = ContactRetention.PurgeKey(report),
    };

    public Report ToReport() => new()
    {
        Id = Id,
        Status = Status,
        Version = Version,
        Model = Model.ToModel(),
        Category = Category,
        Severity = Severity,
        Title = Title,
        Description = Description,
        Evidence = Evidence.Select(e => e.ToItem()).ToList(),
        ProtectedContact = ProtectedContact,
        ContactAllowed = ContactAllowed,
        Unchallenged = Unchallenged,
        Language = Language,
        NotifyByEmail = NotifyByEmail,
        ReporterMessages = ReporterMessages.Select(m => m.ToMessage()).ToList(),
        Assignee = Assignee,
        DuplicateOf = DuplicateOf,
        Notes = Notes.Select(n => n.ToNote()).ToList(),
        PublicNotes = PublicNotes.Select(n => n.ToNote()).ToList(),
        ReceivedAt = ReceivedAt,
        UpdatedAt = UpdatedAt,
        TriagedAt = TriagedAt,
        HostNotifiedAt = HostNotifiedAt,
        AcknowledgedAt = AcknowledgedAt,
        RespondedAt = RespondedAt,
        HostResponse = HostResponse?.ToStatement(),
        Notice = Notice?.ToNotice(),
        Contests = Contests.Select(c => c.ToContest()).ToList(),
        HostMessages = HostMessages.Select(m => m.ToMessage()).ToList(),
        DisclosureRemindedAt = DisclosureRemindedAt,
        DisclosureDueAt = DisclosureDueAt,
        DisclosedAt = DisclosedAt,
        ClosedAt = ClosedAt,
    };
}
