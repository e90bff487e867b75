using SafetyReports.ServiceDefaults.Storage;
using SafetyReports.Triage.Similarity;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// Triage's data: reports, the audit chain, the outbox and the mail outbox (the reporters' mails). Every write that changes a report also
/// appends its audit entries and its events in the same transaction (and, on SQLite, its search entry).
/// </summary>
public interface ITriageStore : IOutboxStore, IStoreHealth, IMailOutboxStore
{
    /// <summary>Stores a new report; false when a report with that id already exists (nothing is written).</summary>
    Task<bool> AddReportAsync(Report report, AuditDraft audit, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new report with the bytes of its evidence files, all in one transaction; false when a report with that id already
    /// exists (nothing is written).
    /// </summary>
    Task<bool> AddReportAsync(
        Report report, AuditDraft audit, IReadOnlyList<OutboxMessage> events, IReadOnlyList<EvidenceFileContent> files, CancellationToken cancellationToken);

    /// <summary>The stored bytes of one of a report's evidence files; null for another report's file or an unknown one.</summary>
    Task<byte[]?> ReadEvidenceFileAsync(Guid reportId, Guid fileId, CancellationToken cancellationToken);

    Task<Report?> GetReportAsync(Guid id, CancellationToken cancellationToken);

    Task<ReportPage> ListReportsAsync(ReportQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Reports sharing at least one LSH band with <paramref name="signature"/> (<see cref="ReportSignature.BandKeys"/>), received from
    /// <paramref name="from"/> up to before <paramref name="before"/>, most recently received first, at most <paramref name="max"/>,
    /// each with its stored signature: an index lookup on the bands.
    /// </summary>
    Task<IReadOnlyList<SimilarCandidate>> FindSimilarAsync(
        ReportSignature signature, DateTimeOffset from, DateTimeOffset before, int max, CancellationToken cancellationToken);

    /// <summary>Counts per status of the reports matching <paramref name="query"/>; its status, cursor, limit and sort are ignored.</summary>
    Task<ReportCounts> CountReportsAsync(ReportQuery query, CancellationToken cancellationToken);

    /// <summary>Replaces the report if it is still at <paramref name="expectedVersion"/>; false on a conflict (nothing is written).</summary>
    Task<bool> UpdateReportAsync(Report updated, long expectedVersion, AuditDraft audit, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a redaction as <see cref="UpdateReportAsync"/> does (its events: a notice shared again), and removes the replaced text from
    /// the storage underneath as far as the adapter can: on SQLite from the file's free space, the search index
    /// and the WAL; on MongoDB the document and its text index entry are replaced (the server's own files are its matter).
    /// </summary>
    Task<bool> RedactReportAsync(Report redacted, long expectedVersion, AuditDraft audit, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken);

    /// <summary>
    /// Ids of closed reports that still hold reporter contact and were closed before <paramref name="closedBefore"/>,
    /// longest closed first, at most <paramref name="max"/> (an index on <see cref="ContactRetention.PurgeKey"/>).
    /// </summary>
    Task<IReadOnlyList<Guid>> ContactPurgeDueAsync(DateTimeOffset closedBefore, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Ids of reports waiting for their host's response since before <paramref name="triagedBefore"/> (by triage time,
    /// <see cref="DisclosurePolicy.UnansweredSince"/>), longest waiting first (after <paramref name="after"/>), at most <paramref name="max"/>; each with its position for the next page.
    /// </summary>
    Task<IReadOnlyList<DisclosureCursor>> DisclosureDueAsync(DateTimeOffset triagedBefore, DisclosureCursor? after, int max, CancellationToken cancellationToken);

    /// <summary>Disclosed reports, most recently disclosed first, after <paramref name="after"/> when given.</summary>
    Task<IReadOnlyList<Report>> ListDisclosedAsync(DisclosureCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the transparency cells of <paramref name="period"/> — per host, or per model of <paramref name="host"/> —
    /// to <paramref name="tallies"/> and returns the audit chain's last entry as of the same read (null when empty).
    /// </summary>
    Task<AuditPoint?> ReadTransparencyAsync(string? host, TransparencyPeriod period, TransparencyTallies tallies, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(Guid reportId, CancellationToken cancellationToken);

    /// <summary>An entry that changes no report (such as <see cref="AuditExportRecord"/>), appended to the chain on its own.</summary>
    Task AppendAuditAsync(AuditDraft audit, CancellationToken cancellationToken);

    /// <summary>
    /// The transparency log's leaf hashes in order, from leaf <paramref name="from"/> (leaf n is audit entry n + 1), at most
    /// <paramref name="max"/>: each was written with its entry, in the same transaction (<see cref="TransparencyLog.LogLeaf"/>).
    /// </summary>
    Task<IReadOnlyList<byte[]>> ReadLogLeavesAsync(long from, int max, CancellationToken cancellationToken);

    /// <summary>The chain in order, from after <paramref name="afterSequence"/>, at most <paramref name="max"/> entries.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAuditChainAsync(long afterSequence, int max, CancellationToken cancellationToken);

    /// <summary>What <paramref name="maintainer"/> asked to be written about; null when they never chose.</summary>
    Task<MaintainerNotifications?> GetMaintainerNotificationsAsync(string maintainer, CancellationToken cancellationToken);

    /// <summary>Replaces the maintainer's choices (one row per maintainer).</summary>
    Task SaveMaintainerNotificationsAsync(MaintainerNotifications preferences, CancellationToken cancellationToken);

    /// <summary>Every maintainer's choices that mail something (<see cref="MaintainerNotifications.WantsAny"/>): there are few maintainers.</summary>
    Task<IReadOnlyList<MaintainerNotifications>> ListMaintainerNotificationsAsync(CancellationToken cancellationToken);

    /// <summary>Keeps an event for a maintainer's digest; nothing when an item with its id exists (sent or not).</summary>
    Task AddDigestItemAsync(MaintainerDigestItem item, CancellationToken cancellationToken);

    /// <summary>Unsent digest items kept before <paramref name="before"/>, by maintainer then time, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<MaintainerDigestItem>> UnsentDigestItemsAsync(DateTimeOffset before, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Queues a maintainer's digest (none: the items are dropped unsent) and marks its items sent at <paramref name="sentAt"/>
    /// (in one transaction where the store has them; else the mail first: its id is the digest's, so a retry queues
    /// nothing twice), and drops items sent before <paramref name="pruneSentBefore"/>.
    /// </summary>
    Task DigestQueuedAsync(QueuedMail? digest, IReadOnlyList<Guid> itemIds, DateTimeOffset sentAt, DateTimeOffset pruneSentBefore, CancellationToken cancellationToken);
}
