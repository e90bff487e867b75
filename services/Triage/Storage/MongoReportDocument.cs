using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;
using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// A whole report in one document. <see cref="SearchText"/> is the lower-cased text the queue search
/// looks in (through a text index), the same text SQLite's <c>search_text</c> column holds. Timestamps are BSON dates (milliseconds).
/// </summary>
[MongoDocument]
public sealed class MongoReportDocument
{
    [BsonId]
    public Guid Id { get; set; }
    public string Status { get; set; } = "";
    public long Version { get; set; }
    public MongoModelReferenceDocument Model { get; set; } = new();
    public string Category { get; set; } = "";
    public string? Severity { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public List<MongoEvidenceDocument> Evidence { get; set; } = [];

    /// <summary>The evidence files' records; their bytes are documents of their own (<see cref="MongoEvidenceFileDocument"/>).</summary>
    public List<EvidenceFileReference> EvidenceFiles { get; set; } = [];

    /// <summary>The ids of the files shared with the host; a document written before files could be shared has none.</summary>
    public List<Guid> SharedFiles { get; set; } = [];
    public string? ProtectedContact { get; set; }
    public bool ContactAllowed { get; set; }
    public bool Unchallenged { get; set; }

    [BsonIgnoreIfNull]
    public string? ClientHash { get; set; }

    /// <summary>The reporter's language; reports stored before it was kept get "en" (migration 4).</summary>
    public string Language { get; set; } = SupportedLanguages.Default;

    public bool NotifyByEmail { get; set; }

    /// <summary>The MinHash signature of the report's text (<see cref="Similarity.ReportSignature.Serialize"/>); absent until backfilled.</summary>
    [BsonIgnoreIfNull]
    public string? Signature { get; set; }

    /// <summary>The signature's LSH band keys, indexed with the received time: the near-duplicates of a report are an index lookup.</summary>
    public List<string> Bands { get; set; } = [];

    [BsonIgnoreIfNull]
    public DateTimeOffset? HeldAt { get; set; }

    [BsonIgnoreIfNull]
    public DateTimeOffset? BurstConfirmedAt { get; set; }

    public List<ReporterMessage> ReporterMessages { get; set; } = [];
    public string? Assignee { get; set; }
    public Guid? DuplicateOf { get; set; }
    public List<ReportNote> Notes { get; set; } = [];
    public List<ReportNote> PublicNotes { get; set; } = [];
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? TriagedAt { get; set; }
    public DateTimeOffset? HostNotifiedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public HostStatement? HostResponse { get; set; }
    public MongoReportNoticeDocument? Notice { get; set; }
    public List<ReportContest> Contests { get; set; } = [];

    /// <summary>Whether a contest waits on the maintainers (<see cref="ReportContests.HasOpen"/>), indexed (partially: true only) for <c>contested=true</c>.</summary>
    public bool ContestOpen { get; set; }
    public List<HostThreadMessage> HostMessages { get; set; } = [];

    /// <summary>The hosts reached besides the report's own (copies of the model); absent on documents from before.</summary>
    public List<ReportHost> Hosts { get; set; } = [];

    /// <summary>Re-uploads of the model found later; absent on documents from before.</summary>
    public List<ModelReupload> Reuploads { get; set; } = [];
    public DateTimeOffset? DisclosureRemindedAt { get; set; }
    public DateTimeOffset? DisclosureDueAt { get; set; }
    public DateTimeOffset? DisclosedAt { get; set; }

    /// <summary>The triage time while the host's response is awaited (<see cref="Disclosure.DisclosurePolicy.UnansweredSince"/>), indexed for the disclosure job.</summary>
    public DateTimeOffset? UnansweredSince { get; set; }
    public string SearchText { get; set; } = "";

    /// <summary>Received time plus the SLA of the severity, stored so the deadline order and overdue filter use an index.</summary>
    public DateTimeOffset Deadline { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The close time while the report still holds contact (<see cref="ContactRetention.PurgeKey"/>), indexed for the purge.</summary>
    public DateTimeOffset? ContactClosedAt { get; set; }

    /// <summary>What the report adds to the transparency cells now; absent while it adds nothing (stored before contributions were kept).</summary>
    [BsonIgnoreIfNull]
    public MongoTransparencyContributionDocument? Transparency { get; set; }

    public static MongoReportDocument From(Report report, SlaOptions? sla = null)
    {
        var signature = Similarity.ReportSignature.Of(report);
        var document = Fields(report, sla);
        document.Signature = signature.Serialize();
        document.Bands = [.. signature.BandKeys()];
        return document;
    }

    private static MongoReportDocument Fields(Report report, SlaOptions? sla) => new()
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
        ClientHash = report.ClientHash,
        HeldAt = report.HeldAt,
        BurstConfirmedAt = report.BurstConfirmedAt,
        ReporterMessages = [.. report.ReporterMessages],
        Language = report.Language,
        NotifyByEmail = report.NotifyByEmail,
        Assignee = report.Assignee,
        DuplicateOf = report.DuplicateOf,
        Notes = [.. report.Notes],
        PublicNotes = [.. report.PublicNotes],
        ReceivedAt = report.ReceivedAt,
        UpdatedAt = report.UpdatedAt,
        TriagedAt = report.TriagedAt,
        HostNotifiedAt = report.HostNotifiedAt,
        AcknowledgedAt = report.AcknowledgedAt,
        RespondedAt = report.RespondedAt,
        HostResponse = report.HostResponse,
        Notice = report.Notice is null ? null : MongoReportNoticeDocument.From(report.Notice),
        Contests = [.. report.Contests],
        ContestOpen = ReportContests.HasOpen(report),
        HostMessages = [.. report.HostMessages],
        Hosts = [.. report.Hosts],
        Reuploads = [.. report.Reuploads],
        EvidenceFiles = [.. report.EvidenceFiles],
        SharedFiles = [.. report.SharedFiles],
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
        ClientHash = ClientHash,
        HeldAt = HeldAt,
        BurstConfirmedAt = BurstConfirmedAt,
        ReporterMessages = ReporterMessages,
        Language = Language,
        NotifyByEmail = NotifyByEmail,
        Assignee = Assignee,
        DuplicateOf = DuplicateOf,
        Notes = Notes,
        PublicNotes = PublicNotes,
        ReceivedAt = ReceivedAt,
        UpdatedAt = UpdatedAt,
        TriagedAt = TriagedAt,
        HostNotifiedAt = HostNotifiedAt,
        AcknowledgedAt = AcknowledgedAt,
        RespondedAt = RespondedAt,
        HostResponse = HostResponse,
        Notice = Notice?.ToNotice(),
        Contests = Contests,
        HostMessages = HostMessages,
        Hosts = Hosts,
        Reuploads = Reuploads,
        EvidenceFiles = EvidenceFiles,
        SharedFiles = SharedFiles,
        DisclosureRemindedAt = DisclosureRemindedAt,
        DisclosureDueAt = DisclosureDueAt,
        DisclosedAt = DisclosedAt,
        ClosedAt = ClosedAt,
    };
}
