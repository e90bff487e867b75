using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;
using SafetyReports.Triage.Similarity;
using SafetyReports.Triage.TransparencyLog;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// Triage's store on MongoDB; behaves as <see cref="SqliteTriageStore"/> does (the contract tests hold
/// both to it). A report change, its audit entry and its events are written in one transaction
/// (<see cref="MongoStore.InTransactionAsync{T}"/>).
/// </summary>
public sealed partial class MongoTriageStore : MongoMailingStore, ITriageStore, ISealedMonths, IAdvisories
{
    public const string ReportsCollection = "reports";
    public const string AuditCollection = "audit";
    public const string AuditHeadCollection = "auditHead";
    public const string MaintainerNotificationsCollection = "maintainerNotifications";
    public const string MaintainerDigestCollection = "maintainerDigest";
    public const string EvidenceFilesCollection = "evidenceFiles";
    public const string AdvisoriesCollection = "advisories";

    private readonly IMongoCollection<MongoReportDocument> _reports;
    private readonly IMongoCollection<MongoEvidenceFileDocument> _evidenceFiles;
    private readonly MongoAuditLog _audit;
    private readonly SlaOptions _sla;
    private readonly MongoTransparencyCells _cells;
    private readonly IMongoCollection<MaintainerNotifications> _notifications;
    private readonly IMongoCollection<MaintainerDigestItem> _digest;
    private readonly IMongoCollection<MongoAdvisoryDocument> _advisories;

    static MongoTriageStore() => MongoTriageRecords.Register();

    public MongoTriageStore(IMongoDatabase database, SlaOptions? sla = null, TransparencyOptions? transparency = null)
        : base(database)
    {
        _sla = sla ?? new SlaOptions();
        _cells = new MongoTransparencyCells(database, transparency ?? new TransparencyOptions());
        _reports = database.GetCollection<MongoReportDocument>(ReportsCollection);
        _evidenceFiles = database.GetCollection<MongoEvidenceFileDocument>(EvidenceFilesCollection);
        _audit = new MongoAuditLog(database);
        _notifications = database.GetCollection<MaintainerNotifications>(MaintainerNotificationsCollection);
        _digest = database.GetCollection<MaintainerDigestItem>(MaintainerDigestCollection);
        _advisories = database.GetCollection<MongoAdvisoryDocument>(AdvisoriesCollection);
    }

    protected override async Task SetUpAsync(CancellationToken cancellationToken)
    {
        await MongoTriageIndexes.CreateAsync(Database, cancellationToken);
        await _audit.EnsureHeadAsync(cancellationToken);
        await MongoDeadlines.EnsureAsync(Database, _sla, cancellationToken);
        await _cells.EnsureAsync(_reports, cancellationToken);
        await BackfillCloseTimesAsync(cancellationToken);
    }

    /// <summary>
    /// Closed reports from before close times were kept get one from the audit chain (<see cref="ClosedAtBackfill"/>),
    /// once: a marker in <c>triageMeta</c> keeps later starts from scanning the closed reports again.
    /// </summary>
    private async Task BackfillCloseTimesAsync(CancellationToken cancellationToken)
    {
        var meta = Database.GetCollection<BsonDocument>(MongoDeadlines.MetaCollection);
        var marker = new BsonDocument("_id", "closedAt");
        if (await meta.Find(marker).AnyAsync(cancellationToken))
        {
            return;
        }

        using (var cursor = await _reports.Find(MongoTriageFilters.ClosedWithoutCloseTime).ToCursorAsync(cancellationToken))
        {
            while (await cursor.MoveNextAsync(cancellationToken))
            {
                foreach (var report in cursor.Current.Select(d => d.ToReport()).Where(ClosedAtBackfill.Needs))
                {
                    // A new version, as any change: a writer that read the report before cannot replace it without closedAt
                    // (its version check fails and it reads again). A report that changed meanwhile is left: it was written since.
                    var updated = report with
                    {
                        ClosedAt = ClosedAtBackfill.CloseTime(report, await _audit.ForReportAsync(report.Id, cancellationToken)),
                        Version = report.Version + 1,
                    };
                    // Not InTransactionAsync: that waits for this setup to finish.
                    await MongoTransactions.RunAsync(Database.Client, (session, ct) => ReplaceAsync(session, updated, report.Version, ct), cancellationToken);
                }
            }
        }

        await meta.ReplaceOneAsync(marker, new BsonDocument { { "_id", "closedAt" }, { "value", "1" } }, new ReplaceOptions { IsUpsert = true }, cancellationToken);
    }

    public Task<bool> AddReportAsync(Report report, AuditDraft audit, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken) =>
        AddReportAsync(report, audit, events, [], cancellationToken);

    public async Task<bool> AddReportAsync(
        Report report, AuditDraft audit, IReadOnlyList<OutboxMessage> events, IReadOnlyList<EvidenceFileContent> files, CancellationToken cancellationToken)
    {
        try
        {
            return await InTransactionAsync(async w =>
            {
                // Checked first, because a failed insert would abort the whole transaction.
                if (await _reports.Find(w.Session, d => d.Id == report.Id).AnyAsync(w.CancellationToken))
                {
                    return false;
                }

                var contribution = _cells.Contribution(report);
                await _reports.InsertOneAsync(w.Session, Document(report, contribution), cancellationToken: w.CancellationToken);
                if (files.Count > 0)
                {
                    await _evidenceFiles.InsertManyAsync(
                        w.Session,
                        files.Select(f => new MongoEvidenceFileDocument { Id = f.Id, ReportId = report.Id, Content = f.Content }),
                        cancellationToken: w.CancellationToken);
                }

                await _cells.ApplyAsync(w.Session, null, contribution, w.CancellationToken);
                await AppendAuditAsync(w, audit);
                await w.AnnounceAsync(events);
                return true;
            }, cancellationToken);
        }
        catch (Exception ex) when (MongoTransactions.IsDuplicateKey(ex))
        {
            // The same report stored concurrently (a redelivered message): nothing was written here.
            if (!await _reports.Find(d => d.Id == report.Id).AnyAsync(cancellationToken))
            {
                throw;
            }

            return false;
        }
    }

    public Task<bool> UpdateReportAsync(Report updated, long expectedVersion, AuditDraft audit, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            if (!await ReplaceAsync(w.Session, updated, expectedVersion, w.CancellationToken))
            {
                return false;
            }

            await AppendAuditAsync(w, audit);
            await w.AnnounceAsync(events);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Inside a transaction: replaces the report if it is still at <paramref name="expectedVersion"/>, with the contribution it
    /// now makes kept on it, and moves the cells from the contribution the replaced document kept (not one recomputed with
    /// today's rules) to the new one. False when the version moved on.
    /// </summary>
    private async Task<bool> ReplaceAsync(IClientSessionHandle session, Report updated, long expectedVersion, CancellationToken cancellationToken)
    {
        var next = _cells.Contribution(updated);
        var previous = await _reports.FindOneAndReplaceAsync(
            session, MongoTriageFilters.AtVersion(updated.Id, expectedVersion), Document(updated, next),
            new FindOneAndReplaceOptions<MongoReportDocument> { ReturnDocument = ReturnDocument.Before }, cancellationToken);
        if (previous is null)
        {
            return false;
        }

        await _cells.ApplyAsync(session, previous.Transparency?.ToContribution(), next, cancellationToken);
        return true;
    }

    private MongoReportDocument Document(Report report, TransparencyContribution contribution)
    {
        var document = MongoReportDocument.From(report, _sla);
        document.Transparency = _cells.Kept(contribution);
        return document;
    }

    /// <summary>The replacement rewrites <c>searchText</c>, so the text index drops the removed words with it.</summary>
    /// <summary>As an update, and a file redacted away goes with its record, in the same transaction.</summary>
    public Task<bool> RedactReportAsync(Report redacted, long expectedVersion, AuditDraft audit, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            if (!await ReplaceAsync(w.Session, redacted, expectedVersion, w.CancellationToken))
            {
                return false;
            }

            await _evidenceFiles.DeleteManyAsync(
                w.Session, MongoTriageFilters.EvidenceFilesNotKept(redacted.Id, redacted.EvidenceFiles.Select(f => f.Id)), cancellationToken: w.CancellationToken);
            await AppendAuditAsync(w, audit);
            await w.AnnounceAsync(events);
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<Guid>> ContactPurgeDueAsync(DateTimeOffset closedBefore, int max, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await _reports.Find(MongoTriageFilters.ContactPurgeDue(closedBefore))
            .Sort(MongoTriageFilters.LongestClosedFirst).Limit(max).Project(d => d.Id).ToListAsync(cancellationToken);
    }

    public async Task<byte[]?> ReadEvidenceFileAsync(Guid reportId, Guid fileId, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var document = await _evidenceFiles.Find(d => d.Id == fileId && d.ReportId == reportId).FirstOrDefaultAsync(cancellationToken);
        return document?.Content;
    }

    public async Task<Report?> GetReportAsync(Guid id, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var document = await _reports.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToReport();
    }

    public async Task<ReportPage> ListReportsAsync(ReportQuery query, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var documents = await _reports.Find(MongoTriageFilters.List(query))
            .Sort(MongoTriageFilters.Order(query.Sort)).Limit(query.Limit + 1).ToListAsync(cancellationToken);
        var items = documents.Take(query.Limit).Select(d => d.ToReport()).ToList();
        ReportCursor? next = null;
        if (documents.Count > query.Limit)
        {
            var last = documents[query.Limit - 1];
            next = new ReportCursor(query.Sort == ReportSort.Deadline ? last.Deadline : last.ReceivedAt, last.Id, query.Sort);
        }

        return new ReportPage(items, next);
    }

    public async Task<IReadOnlyList<SimilarCandidate>> FindSimilarAsync(
        ReportSignature signature, DateTimeOffset from, DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await MongoReportBands.FindAsync(_reports, signature, from, before, max, cancellationToken);
    }

    public async Task<ReportCounts> CountReportsAsync(ReportQuery query, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await MongoReportCounts.CountAsync(_reports, query, cancellationToken);
    }

    public async Task<IReadOnlyList<DisclosureCursor>> DisclosureDueAsync(DateTimeOffset triagedBefore, DisclosureCursor? after, int max, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await _reports.Find(MongoTriageFilters.UnansweredSince(triagedBefore, after))
            .Sort(Builders<MongoReportDocument>.Sort.Ascending(d => d.UnansweredSince).Ascending(d => d.Id)).Limit(max)
            .Project(d => new DisclosureCursor(d.UnansweredSince!.Value, d.Id)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Report>> ListDisclosedAsync(DisclosureCursor? after, int limit, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var documents = await _reports.Find(MongoTriageFilters.Disclosed(after))
            .Sort(Builders<MongoReportDocument>.Sort.Descending(d => d.DisclosedAt).Descending(d => d.Id)).Limit(limit).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToReport()).ToList();
    }

    /// <summary>One snapshot transaction: the cells and the head are read as of the same moment.</summary>
    public Task<AuditPoint?> ReadTransparencyAsync(string? host, TransparencyPeriod period, TransparencyTallies tallies, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            await _cells.ReadAsync(w.Session, host, period, tallies, w.CancellationToken);
            var head = await Database.GetCollection<MongoAuditHeadDocument>(AuditHeadCollection)
                .Find(w.Session, h => h.Id == MongoAuditHeadDocument.ChainId).FirstOrDefaultAsync(w.CancellationToken);
            return head is null || head.Sequence == 0 ? null : new AuditPoint(head.Sequence, head.Hash);
        }, cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(Guid reportId, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await _audit.ForReportAsync(reportId, cancellationToken);
    }

    public Task AppendAuditAsync(AuditDraft audit, CancellationToken cancellationToken) =>
        InTransactionAsync(w => AppendAuditAsync(w, audit), cancellationToken);

    /// <summary>Inside the caller's transaction: the entry, and the announcement of its leaf when it is about a host's part (<see cref="HostLeafAnnouncement"/>).</summary>
    private async Task AppendAuditAsync(MongoWrite w, AuditDraft audit)
    {
        var entry = await _audit.AppendAsync(w.Session, audit, w.CancellationToken);
        await w.AnnounceAsync(HostLeafAnnouncement.Messages(entry));
    }

    public async Task<IReadOnlyList<byte[]>> ReadLogLeavesAsync(long from, int max, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await _audit.ReadLeavesAsync(from, max, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAuditChainAsync(long afterSequence, int max, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await _audit.ReadChainAsync(afterSequence, max, cancellationToken);
    }
}
