using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SafetyReports.ServiceDefaults.Storage;
using static SafetyReports.ServiceDefaults.Storage.Sqlite.SqliteCommandExtensions;
using SafetyReports.ServiceDefaults.Storage.Sqlite;
using SafetyReports.Triage.Similarity;
using SafetyReports.Triage.TransparencyLog;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// Triage's store on SQLite. Reports, their audit entries and events are written by several consumers and API calls at
/// once; the group commit, the outbox and its quarantine come from <see cref="SqliteStore"/>.
/// </summary>
public sealed partial class SqliteTriageStore : SqliteMailingStore, ITriageStore, ISealedMonths, IAdvisories
{
    private readonly SlaOptions _sla;
    private readonly TransparencyOptions _transparency;
    private readonly WriteAheadLogScrub _scrub;

    /// <param name="logger">Where a write-ahead log that could not be emptied after a redaction is reported.</param>
    public SqliteTriageStore(string path, SlaOptions? sla = null, TransparencyOptions? transparency = null, ILogger? logger = null)
        : base(SqliteTriageSchema.Open(path, sla ?? new SlaOptions(), transparency ?? new TransparencyOptions()))
    {
        _sla = sla ?? new SlaOptions();
        _transparency = transparency ?? new TransparencyOptions();
        _scrub = new WriteAheadLogScrub(Database.TruncateWriteAheadLogAsync, logger ?? NullLogger.Instance);
    }

    public string Path => Database.Path;

    /// <summary>Emptying the write-ahead log after redactions, and its retries when it could not be emptied at once.</summary>
    public WriteAheadLogScrub WriteAheadLog => _scrub;

    public Task<bool> AddReportAsync(Report report, AuditDraft audit, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken) =>
        AddReportAsync(report, audit, events, [], cancellationToken);

    public Task<bool> AddReportAsync(
        Report report, AuditDraft audit, IReadOnlyList<OutboxMessage> events, IReadOnlyList<EvidenceFileContent> files, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var added = await w.ChangesOneAsync(
                """
                INSERT INTO reports (id, status, category, severity, model_host, model_id, assignee, received_at, version, search_text, doc, deadline, search_rowid, contact_closed_at, transparency, unanswered_since, disclosed_at, contest_open)
                VALUES ($id, $status, $category, $severity, $host, $model, $assignee, $received, $version, $search, $doc, $deadline, $rowid, $contactclosed, $transparency, $unanswered, $disclosed, $contestopen)
                ON CONFLICT (id) DO NOTHING
                """,
                [.. Parameters(report), ("$rowid", await FreeSearchKeyAsync(w.Connection, w.Transaction, report))]);
            if (!added)
            {
                return false;
            }

            foreach (var file in files)
            {
                await w.ExecuteAsync("INSERT INTO evidence_files (id, report_id, content) VALUES ($id, $report, $content)",
                    ("$id", file.Id.ToString()), ("$report", report.Id.ToString()), ("$content", file.Content));
            }

            await IndexTextAsync(w, report);
            SqliteReportBands.Write(w.Connection, w.Transaction, report);
            await SqliteTransparencyCells.ApplyAsync(w.Connection, w.Transaction, null, Contribution(report));
            await AppendAuditAsync(w, audit);
            await w.AnnounceAsync(events);
            return true;
        }, cancellationToken);

    public Task<byte[]?> ReadEvidenceFileAsync(Guid reportId, Guid fileId, CancellationToken cancellationToken) =>
        QueryFirstAsync("SELECT content FROM evidence_files WHERE id = $id AND report_id = $report",
            r => (byte[])r.GetValue(0), ("$id", fileId.ToString()), ("$report", reportId.ToString()));

    public Task<bool> UpdateReportAsync(Report updated, long expectedVersion, AuditDraft audit, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken) =>
        WriteAsync(w => UpdateInTransactionAsync(w, updated, expectedVersion, audit, events), cancellationToken);

    /// <summary>The report at <paramref name="expectedVersion"/> becomes <paramref name="updated"/>, with its audit entry and events; false when it moved on.</summary>
    private async Task<bool> UpdateInTransactionAsync(SqliteWrite w, Report updated, long expectedVersion, AuditDraft audit, IReadOnlyList<OutboxMessage> events)
    {
        var previous = await w.QueryAsync("SELECT transparency, search_text FROM reports WHERE id = $id AND version = $expected",
            r => (Transparency: r.GetNullableString(0), SearchText: r.GetString(1)), ("$id", updated.Id.ToString()), ("$expected", expectedVersion));
        var changed = await w.ChangesOneAsync(
            """
            UPDATE reports SET status = $status, category = $category, severity = $severity, model_host = $host,
                model_id = $model, assignee = $assignee, received_at = $received, version = $version,
                search_text = $search, doc = $doc, deadline = $deadline, contact_closed_at = $contactclosed,
                transparency = $transparency, unanswered_since = $unanswered, disclosed_at = $disclosed, contest_open = $contestopen
            WHERE id = $id AND version = $expected
            """,
            [.. Parameters(updated), ("$expected", expectedVersion)]);
        if (!changed)
        {
            return false;
        }

        // The searched text (title, description, evidence, model) changes only when a report is redacted or edited: a
        // status change leaves the search index alone instead of deleting and re-adding every word of the report.
        if (previous is not [{ SearchText: var searched }] || searched != ReportDocument.SearchText(updated))
        {
            await w.ExecuteAsync("DELETE FROM reports_fts WHERE rowid = (SELECT search_rowid FROM reports WHERE id = $id)", ("$id", updated.Id.ToString()));
            await IndexTextAsync(w, updated);
            SqliteReportBands.Write(w.Connection, w.Transaction, updated);
        }

        await SqliteTransparencyCells.ApplyAsync(w.Connection, w.Transaction,
            previous is [{ Transparency: { } stored }] ? TransparencyContribution.Deserialize(stored) : null, Contribution(updated));
        await AppendAuditAsync(w, audit);
        await w.AnnounceAsync(events);
        return true;
    }

    public async Task<bool> RedactReportAsync(Report redacted, long expectedVersion, AuditDraft audit, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken)
    {
        // The update zeroes the replaced row and its freed pages (secure_delete on every connection). The search
        // index only marks the old entry deleted; 'optimize' rewrites it without it (FTS5's own secure-delete
        // leaves a removed word in a leaf page). That rewrite grows with the index: about 1.4 s at 50,000
        // reports on the 2-core machine, every other write waiting (docs/triage.md), fine for a rare admin act.
        var saved = await WriteAsync(async w =>
        {
            var updated = await UpdateInTransactionAsync(w, redacted, expectedVersion, audit, events);
            if (updated)
            {
                await w.ExecuteAsync("INSERT INTO reports_fts (reports_fts) VALUES ('optimize')");
                // A file redacted away goes with its record; secure_delete zeroes its blob's pages as they are freed.
                await w.ExecuteAsync(
                    "DELETE FROM evidence_files WHERE report_id = $id AND id NOT IN (SELECT value FROM json_each($kept))",
                    ("$id", redacted.Id.ToString()), ("$kept", JsonSerializer.Serialize(redacted.EvidenceFiles.Select(f => f.Id.ToString()))));
            }

            return updated;
        }, cancellationToken);
        if (saved)
        {
            // Earlier page images with the text stay in the WAL until it is emptied. The redaction is committed: if the log
            // cannot be emptied now it is emptied later, and the caller is told the redaction succeeded.
            await _scrub.AfterCommitAsync(cancellationToken);
        }

        return saved;
    }

    public Task<MaintainerNotifications?> GetMaintainerNotificationsAsync(string maintainer, CancellationToken cancellationToken) =>
        SqliteMaintainerNotifications.GetAsync(Database, maintainer);

    public Task SaveMaintainerNotificationsAsync(MaintainerNotifications preferences, CancellationToken cancellationToken) =>
        WriteAsync(w => SqliteMaintainerNotifications.SaveAsync(w, preferences), cancellationToken);

    public Task<IReadOnlyList<MaintainerNotifications>> ListMaintainerNotificationsAsync(CancellationToken cancellationToken) =>
        SqliteMaintainerNotifications.ListAsync(Database);

    public Task AddDigestItemAsync(MaintainerDigestItem item, CancellationToken cancellationToken) =>
        WriteAsync(w => SqliteMaintainerDigest.AddAsync(w, item), cancellationToken);

    public Task<IReadOnlyList<MaintainerDigestItem>> UnsentDigestItemsAsync(DateTimeOffset before, int max, CancellationToken cancellationToken) =>
        SqliteMaintainerDigest.UnsentAsync(Database, before, max);

    public async Task DigestQueuedAsync(
        QueuedMail? digest, IReadOnlyList<Guid> itemIds, DateTimeOffset sentAt, DateTimeOffset pruneSentBefore, CancellationToken cancellationToken)
    {
        await WriteAsync(async w =>
        {
            if (digest is not null)
            {
                await SqliteMailOutbox.QueueAsync(w, digest);
            }

            await SqliteMaintainerDigest.SentAsync(w, itemIds, sentAt, pruneSentBefore);
        }, cancellationToken);
        if (digest is not null)
        {
            MailSignal.Notify();
        }
    }

    public Task<Report?> GetReportAsync(Guid id, CancellationToken cancellationToken) =>
        QueryFirstAsync("SELECT doc FROM reports WHERE id = $id", r => ReportDocument.Deserialize(r.GetString(0)), ("$id", id.ToString()));

    public Task<ReportPage> ListReportsAsync(ReportQuery query, CancellationToken cancellationToken) =>
        Database.ReadAsync(async c =>
        {
            List<(string Doc, long Deadline)> rows;
            if (query.Sort == ReportSort.Deadline && SearchTerms.Fts5Match(query.Text) is not null)
            {
                rows = await SqliteDeadlineSearch.ListAsync(c, query, _sla);
            }
            else
            {
                var (sql, parameters) = SqliteQueueSql.List(query);
                rows = await c.QueryAsync(sql, r => (Doc: r.GetString(0), Deadline: r.GetInt64(1)), null, parameters);
            }

            var items = rows.Take(query.Limit).Select(r => ReportDocument.Deserialize(r.Doc)).ToList();
            ReportCursor? next = null;
            if (rows.Count > query.Limit)
            {
                var last = items[^1];
                var position = query.Sort == ReportSort.Deadline ? FromUnixMs(rows[query.Limit - 1].Deadline) : last.ReceivedAt;
                next = new ReportCursor(position, last.Id, query.Sort);
            }

            return new ReportPage(items, next);
        });

    public Task<IReadOnlyList<SimilarCandidate>> FindSimilarAsync(
        ReportSignature signature, DateTimeOffset from, DateTimeOffset before, int max, CancellationToken cancellationToken) =>
        Database.ReadAsync<IReadOnlyList<SimilarCandidate>>(async c => await SqliteReportBands.FindAsync(c, signature, from, before, max));

    public Task<ReportCounts> CountReportsAsync(ReportQuery query, CancellationToken cancellationToken) =>
        Database.ReadAsync(async c =>
        {
            var (sql, parameters) = SqliteQueueSql.Counts(query);
            var rows = await c.QueryAsync(sql, r => (r.GetNullableString(0), r.GetInt64(1)), null, parameters);
            return ReportCounts.From(rows, SearchTerms.Words(query.Text).Count > 0 ? query.CountCap : null);
        });

    /// <summary>
    /// Loads many reports in one transaction, without audit entries or events: for benchmarks and fixtures
    /// that need a large queue fast, never for reports that really arrived.
    /// </summary>
    public Task BulkLoadAsync(IEnumerable<Report> reports, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var (c, t) = (w.Connection, w.Transaction);
            var names = new[] { "$id", "$status", "$category", "$severity", "$host", "$model", "$assignee", "$received", "$version", "$search", "$doc", "$deadline", "$rowid", "$contactclosed", "$transparency", "$unanswered", "$disclosed", "$contestopen" };
            var cells = new CellDeltas();
            await using var insert = c.Command(
                """
                INSERT INTO reports (id, status, category, severity, model_host, model_id, assignee, received_at, version, search_text, doc, deadline, search_rowid, contact_closed_at, transparency, unanswered_since, disclosed_at, contest_open)
                VALUES ($id, $status, $category, $severity, $host, $model, $assignee, $received, $version, $search, $doc, $deadline, $rowid, $contactclosed, $transparency, $unanswered, $disclosed, $contestopen)
                """, t, [.. names.Select(n => (n, (object?)null))]);
            await using var text = c.Command("INSERT INTO reports_fts (rowid, text) VALUES ($rowid, $search)", t, ("$rowid", null), ("$search", null));
            foreach (var report in reports)
            {
                var next = await FreeSearchKeyAsync(c, t, report);
                foreach (var (name, value) in Parameters(report).Append(("$rowid", next)))
                {
                    insert.Parameters[name].Value = value ?? DBNull.Value;
                }

                await insert.ExecuteNonQueryAsync(cancellationToken);
                cells.Add(Contribution(report), 1);
                text.Parameters["$rowid"].Value = next;
                text.Parameters["$search"].Value = insert.Parameters["$search"].Value;
                await text.ExecuteNonQueryAsync(cancellationToken);
                SqliteReportBands.Write(c, t, report);
            }

            await SqliteTransparencyCells.WriteDeltasAsync(c, t, cells);
        }, cancellationToken);

    public async Task<IReadOnlyList<Guid>> ContactPurgeDueAsync(DateTimeOffset closedBefore, int max, CancellationToken cancellationToken) =>
        await Database.ReadAsync(c => c.QueryAsync(
            "SELECT id FROM reports WHERE contact_closed_at < $before ORDER BY contact_closed_at LIMIT $max",
            r => Guid.Parse(r.GetString(0)), null, ("$before", closedBefore.ToUnixMs()), ("$max", max)));

    public async Task<IReadOnlyList<DisclosureCursor>> DisclosureDueAsync(DateTimeOffset triagedBefore, DisclosureCursor? after, int max, CancellationToken cancellationToken) =>
        await Database.ReadAsync(c => c.QueryAsync(
            after is null
                ? "SELECT unanswered_since, id FROM reports WHERE unanswered_since < $before ORDER BY unanswered_since, id LIMIT $max"
                : "SELECT unanswered_since, id FROM reports WHERE unanswered_since < $before AND (unanswered_since, id) > ($at, $id) ORDER BY unanswered_since, id LIMIT $max",
            r => new DisclosureCursor(FromUnixMs(r.GetInt64(0)), Guid.Parse(r.GetString(1))), null,
            ("$before", triagedBefore.ToUnixMs()), ("$max", max), ("$at", after?.At.ToUnixMs()), ("$id", after?.Id.ToString())));

    public async Task<IReadOnlyList<Report>> ListDisclosedAsync(DisclosureCursor? after, int limit, CancellationToken cancellationToken) =>
        await Database.ReadAsync(c => c.QueryAsync(
            after is null
                ? "SELECT doc FROM reports WHERE disclosed_at IS NOT NULL ORDER BY disclosed_at DESC, id DESC LIMIT $limit"
                : "SELECT doc FROM reports WHERE disclosed_at IS NOT NULL AND (disclosed_at, id) < ($at, $id) ORDER BY disclosed_at DESC, id DESC LIMIT $limit",
            r => ReportDocument.Deserialize(r.GetString(0)), null,
            ("$limit", limit), ("$at", after?.At.ToUnixMs()), ("$id", after?.Id.ToString())));

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(Guid reportId, CancellationToken cancellationToken) =>
        await Database.ReadAsync(c => c.QueryAsync(
            "SELECT seq, report_id, at, actor, action, data, prev_hash, hash FROM audit WHERE report_id = $id ORDER BY seq",
            ReadAudit, null, ("$id", reportId.ToString())));

    public async Task<IReadOnlyList<AuditEntry>> ReadAuditChainAsync(long afterSequence, int max, CancellationToken cancellationToken) =>
        await Database.ReadAsync(c => c.QueryAsync(
            "SELECT seq, report_id, at, actor, action, data, prev_hash, hash FROM audit WHERE seq > $after ORDER BY seq LIMIT $max",
            ReadAudit, null, ("$after", afterSequence), ("$max", max)));

    public Task<IReadOnlyList<byte[]>> ReadLogLeavesAsync(long from, int max, CancellationToken cancellationToken) =>
        Database.ReadAsync(c => SqliteLogLeaves.ReadAsync(c, from, max));

    public Task<AuditPoint?> ReadTransparencyAsync(string? host, TransparencyPeriod period, TransparencyTallies tallies, CancellationToken cancellationToken) =>
        Database.ReadAsync(c => SqliteTransparencyCells.ReadAsync(c, host, period, tallies));

    /// <summary>
    /// Runs inside the write transaction, so the head it reads cannot move under it. An entry about a host's part gets its
    /// leaf announced in the same transaction (<see cref="HostLeafAnnouncement"/>).
    /// </summary>
    public Task AppendAuditAsync(AuditDraft audit, CancellationToken cancellationToken) =>
        WriteAsync(w => AppendAuditAsync(w, audit), cancellationToken);

    private static async Task AppendAuditAsync(SqliteWrite w, AuditDraft draft)
    {
        var head = await w.QueryAsync(
            "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
            r => (Sequence: r.GetInt64(0), Hash: r.GetString(1)));
        var (sequence, previous) = head.Count == 0 ? (0L, AuditChain.GenesisHash) : head[0];
        var entry = AuditChain.Link(draft, sequence + 1, previous);
        await w.ExecuteAsync(
            "INSERT INTO audit (seq, report_id, at, actor, action, data, prev_hash, hash, leaf) VALUES ($seq, $report, $at, $actor, $action, $data, $prev, $hash, $leaf)",
            ("$seq", entry.Sequence), ("$report", entry.ReportId.ToString()), ("$at", entry.At.ToUnixMs()),
            ("$actor", entry.Actor), ("$action", entry.Action), ("$data", entry.Data),
            ("$prev", entry.PreviousHash), ("$hash", entry.Hash), ("$leaf", LogLeaf.HashOf(entry)));
        await w.AnnounceAsync(HostLeafAnnouncement.Messages(entry));
    }

    internal static AuditEntry ReadAudit(SqliteDataReader r) => new(
        r.GetInt64(0), Guid.Parse(r.GetString(1)), FromUnixMs(r.GetInt64(2)), r.GetString(3), r.GetString(4),
        r.GetString(5), r.GetString(6), r.GetString(7));

    /// <summary>The report's <see cref="SearchKey"/>, or the next free one after it (inside the write transaction).</summary>
    internal static async Task<long> FreeSearchKeyAsync(SqliteConnection connection, SqliteTransaction transaction, Report report)
    {
        var key = SearchKey.For(report.ReceivedAt, report.Id);
        while ((await connection.QueryAsync("SELECT 1 FROM reports WHERE search_rowid = $key", r => r.GetInt64(0), transaction, ("$key", key))).Count > 0)
        {
            key++;
        }

        return key;
    }

    private static Task IndexTextAsync(SqliteWrite w, Report report) =>
        w.ExecuteAsync("INSERT INTO reports_fts (rowid, text) SELECT search_rowid, $search FROM reports WHERE id = $id",
            ("$id", report.Id.ToString()), ("$search", ReportDocument.SearchText(report)));

    private (string, object?)[] Parameters(Report report) =>
    [
        ("$id", report.Id.ToString()), ("$status", report.Status), ("$category", report.Category),
        ("$severity", report.Severity), ("$host", report.Model.Host), ("$model", report.Model.Id),
        ("$assignee", report.Assignee), ("$received", report.ReceivedAt.ToUnixMs()), ("$version", report.Version),
        ("$search", ReportDocument.SearchText(report)), ("$doc", ReportDocument.Serialize(report)),
        ("$deadline", SlaPolicy.Deadline(_sla, report.ReceivedAt, report.Severity).ToUnixMs()),
        ("$contactclosed", ContactRetention.PurgeKey(report) is { } closed ? closed.ToUnixMs() : null),
        ("$transparency", Contribution(report).Serialize()),
        ("$unanswered", DisclosurePolicy.UnansweredSince(report)?.ToUnixMs()),
        ("$disclosed", report.DisclosedAt?.ToUnixMs()),
        ("$contestopen", SqliteTriageSchema.ContestOpen(report)),
    ];

    private TransparencyContribution Contribution(Report report) => TransparencyContribution.For(report, _transparency.AcknowledgementSla);
}
