using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.ServiceDefaults.Storage;
using SafetyReports.Triage.Disclosure;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Transparency;
using static SafetyReports.ServiceDefaults.Storage.SqliteCommandExtensions;

namespace SafetyReports.Triage.Storage;

public sealed class SqliteTriageStore : ITriageStore, IAsyncDisposable
{
    private readonly SqliteDatabase _database;

    // Reports, their audit entries and events are written by several consumers and API calls at once:
    // one writer commits whatever is waiting together (one fsync for many; see SqliteGroupCommit).
    private readonly SqliteGroupCommit _writes;
    private readonly SlaOptions _sla;
    private readonly TransparencyOptions _transparency;
    private readonly WriteAheadLogScrub _scrub;

    /// <param name="logger">Where a write-ahead log that could not be emptied after a redaction is reported.</param>
    public SqliteTriageStore(string path, SlaOptions? sla = null, TransparencyOptions? transparency = null, ILogger? logger = null)
    {
        _sla = sla ?? new SlaOptions();
        _transparency = transparency ?? new TransparencyOptions();
        _database = new SqliteDatabase(path, SqliteTriageSchema.Tables, SqliteTriageSchema.ConnectionPragmas);
        using (var connection = _database.Open())
        {
            SqliteTriageSchema.Upgrade(connection, _sla, _transparency);
        }

        _writes = new SqliteGroupCommit(_database);
        _scrub = new WriteAheadLogScrub(_database.TruncateWriteAheadLogAsync, logger ?? NullLogger.Instance);
    }

    public ValueTask DisposeAsync() => _writes.DisposeAsync();

    public string Path => _database.Path;

    /// <summary>Emptying the write-ahead log after redactions, and its retries when it could not be emptied at once.</summary>
    public WriteAheadLogScrub WriteAheadLog => _scrub;

    public WorkSignal OutboxSignal { get; } = new();

    public async Task<bool> AddReportAsync(Report report, AuditDraft audit, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken)
    {
        var added = await _writes.WriteAsync(async (c, t) =>
        {
            var inserted = await c.ExecuteAsync(
                """
                INSERT INTO reports (id, status, category, severity, model_host, model_id, assignee, received_at, version, search_text, doc, deadline, search_rowid, contact_closed_at, transparency, unanswered_since, disclosed_at, contest_open)
                VALUES ($id, $status, $category, $severity, $host, $model, $assignee, $received, $version, $search, $doc, $deadline, $rowid, $contactclosed, $transparency, $unanswered, $disclosed, $contestopen)
                ON CONFLICT (id) DO NOTHING
                """,
                t, [.. Parameters(report), ("$rowid", await FreeSearchKeyAsync(c, t, report))]);
            if (inserted == 0)
            {
                return false;
            }

            await IndexTextAsync(c, t, report);
            await SqliteTransparencyCells.ApplyAsync(c, t, null, Contribution(report));

            await AppendAuditAsync(c, t, audit);
            foreach (var message in events)
            {
                await SqliteOutbox.AddAsync(c, t, message);
            }

            return true;
        }, cancellationToken);
        if (added)
        {
            OutboxSignal.Notify();
        }

        return added;
    }

    public async Task<bool> UpdateReportAsync(Report updated, long expectedVersion, AuditDraft audit, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken)
    {
        var saved = await _writes.WriteAsync((c, t) => UpdateInTransactionAsync(c, t, updated, expectedVersion, audit, events), cancellationToken);
        if (saved && events.Count > 0)
        {
            OutboxSignal.Notify();
        }

        return saved;
    }

    private async Task<bool> UpdateInTransactionAsync(
        SqliteConnection c, SqliteTransaction t, Report updated, long expectedVersion, AuditDraft audit, IReadOnlyList<OutboxMessage> events)
    {
        var previous = await c.QueryAsync("SELECT transparency, search_text FROM reports WHERE id = $id AND version = $expected",
            r => (Transparency: r.GetNullableString(0), SearchText: r.GetString(1)), t, ("$id", updated.Id.ToString()), ("$expected", expectedVersion));
        var changed = await c.ExecuteAsync(
            """
            UPDATE reports SET status = $status, category = $category, severity = $severity, model_host = $host,
                model_id = $model, assignee = $assignee, received_at = $received, version = $version,
                search_text = $search, doc = $doc, deadline = $deadline, contact_closed_at = $contactclosed,
                transparency = $transparency, unanswered_since = $unanswered, disclosed_at = $disclosed, contest_open = $contestopen
            WHERE id = $id AND version = $expected
            """,
            t, [.. Parameters(updated), ("$expected", expectedVersion)]);
        if (changed == 0)
        {
            return false;
        }

        // The searched text (title, description, evidence, model) changes only when a report is redacted: a status
        // change leaves the search index alone instead of deleting and re-adding every word of the report.
        if (previous is not [{ SearchText: var searched }] || searched != ReportDocument.SearchText(updated))
        {
            await c.ExecuteAsync("DELETE FROM reports_fts WHERE rowid = (SELECT search_rowid FROM reports WHERE id = $id)", t, ("$id", updated.Id.ToString()));
            await IndexTextAsync(c, t, updated);
        }

        await SqliteTransparencyCells.ApplyAsync(c, t,
            previous is [{ Transparency: { } stored }] ? TransparencyContribution.Deserialize(stored) : null, Contribution(updated));

        await AppendAuditAsync(c, t, audit);
        foreach (var message in events)
        {
            await SqliteOutbox.AddAsync(c, t, message);
        }

        return true;
    }

    public async Task<bool> RedactReportAsync(Report redacted, long expectedVersion, AuditDraft audit, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken)
    {
        // The update zeroes the replaced row and its freed pages (secure_delete on every connection). The search
        // index only marks the old entry deleted; 'optimize' rewrites it without it (FTS5's own secure-delete
        // leaves a removed word in a leaf page). That rewrite grows with the index: about 1.4 s at 50,000
        // reports on the 2-core machine, every other write waiting (docs/triage.md), fine for a rare admin act.
        var saved = await _writes.WriteAsync(async (c, t) =>
        {
            var updated = await UpdateInTransactionAsync(c, t, redacted, expectedVersion, audit, events);
            if (updated)
            {
                await c.ExecuteAsync("INSERT INTO reports_fts (reports_fts) VALUES ('optimize')", t);
            }

            return updated;
        }, cancellationToken);
        if (saved)
        {
            if (events.Count > 0)
            {
                OutboxSignal.Notify();
            }

            // Earlier page images with the text stay in the WAL until it is emptied. The redaction is committed: if the log
            // cannot be emptied now it is emptied later, and the caller is told the redaction succeeded.
            await _scrub.AfterCommitAsync(cancellationToken);
        }

        return saved;
    }

    public Task<Report?> GetReportAsync(Guid id, CancellationToken cancellationToken) =>
        _database.ReadAsync(async c =>
        {
            var rows = await c.QueryAsync("SELECT doc FROM reports WHERE id = $id", r => r.GetString(0), null, ("$id", id.ToString()));
            return rows.Count == 0 ? null : ReportDocument.Deserialize(rows[0]);
        });

    public Task<ReportPage> ListReportsAsync(ReportQuery query, CancellationToken cancellationToken) =>
        _database.ReadAsync(async c =>
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

    public Task<ReportCounts> CountReportsAsync(ReportQuery query, CancellationToken cancellationToken) =>
        _database.ReadAsync(async c =>
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
        _writes.WriteAsync(async (c, t) =>
        {
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
            }

            await SqliteTransparencyCells.WriteDeltasAsync(c, t, cells);
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<Guid>> ContactPurgeDueAsync(DateTimeOffset closedBefore, int max, CancellationToken cancellationToken) =>
        await _database.ReadAsync(c => c.QueryAsync(
            "SELECT id FROM reports WHERE contact_closed_at < $before ORDER BY contact_closed_at LIMIT $max",
            r => Guid.Parse(r.GetString(0)), null, ("$before", closedBefore.ToUnixMs()), ("$max", max)));

    public async Task<IReadOnlyList<DisclosureCursor>> DisclosureDueAsync(DateTimeOffset triagedBefore, DisclosureCursor? after, int max, CancellationToken cancellationToken) =>
        await _database.ReadAsync(c => c.QueryAsync(
            after is null
                ? "SELECT unanswered_since, id FROM reports WHERE unanswered_since < $before ORDER BY unanswered_since, id LIMIT $max"
                : "SELECT unanswered_since, id FROM reports WHERE unanswered_since < $before AND (unanswered_since, id) > ($at, $id) ORDER BY unanswered_since, id LIMIT $max",
            r => new DisclosureCursor(FromUnixMs(r.GetInt64(0)), Guid.Parse(r.GetString(1))), null,
            ("$before", triagedBefore.ToUnixMs()), ("$max", max), ("$at", after?.At.ToUnixMs()), ("$id", after?.Id.ToString())));

    public async Task<IReadOnlyList<Report>> ListDisclosedAsync(DisclosureCursor? after, int limit, CancellationToken cancellationToken) =>
        await _database.ReadAsync(c => c.QueryAsync(
            after is null
                ? "SELECT doc FROM reports WHERE disclosed_at IS NOT NULL ORDER BY disclosed_at DESC, id DESC LIMIT $limit"
                : "SELECT doc FROM reports WHERE disclosed_at IS NOT NULL AND (disclosed_at, id) < ($at, $id) ORDER BY disclosed_at DESC, id DESC LIMIT $limit",
            r => ReportDocument.Deserialize(r.GetString(0)), null,
            ("$limit", limit), ("$at", after?.At.ToUnixMs()), ("$id", after?.Id.ToString())));

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(Guid reportId, CancellationToken cancellationToken) =>
        await _database.ReadAsync(c => c.QueryAsync(
            "SELECT seq, report_id, at, actor, action, data, prev_hash, hash FROM audit WHERE report_id = $id ORDER BY seq",
            ReadAudit, null, ("$id", reportId.ToString())));

    public async Task<IReadOnlyList<AuditEntry>> ReadAuditChainAsync(long afterSequence, int max, CancellationToken cancellationToken) =>
        await _database.ReadAsync(c => c.QueryAsync(
            "SELECT seq, report_id, at, actor, action, data, prev_hash, hash FROM audit WHERE seq > $after ORDER BY seq LIMIT $max",
            ReadAudit, null, ("$after", afterSequence), ("$max", max)));

    public Task<AuditPoint?> ReadTransparencyAsync(string? host, TransparencyPeriod period, TransparencyTallies tallies, CancellationToken cancellationToken) =>
        _database.ReadAsync(c => SqliteTransparencyCells.ReadAsync(c, host, period, tallies));

    public Task<IReadOnlyList<OutboxMessage>> PeekOutboxAsync(int max, CancellationToken cancellationToken) =>
        SqliteOutbox.PeekAsync(_database, max);

    public Task RemoveFromOutboxAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        SqliteOutbox.RemoveAsync(_writes, ids, cancellationToken);

    public Task QuarantineOutboxAsync(Guid id, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        SqliteOutbox.QuarantineAsync(_writes, id, reason, at, cancellationToken);

    public async Task<IReadOnlyDictionary<string, long>> CountQuarantinedAsync(CancellationToken cancellationToken) =>
        QuarantineCounts.Of(await SqliteOutbox.CountQuarantinedAsync(_database));

    public Task PingAsync(CancellationToken cancellationToken) => _database.PingAsync(cancellationToken);

    /// <summary>Runs inside the write transaction, so the head it reads cannot move under it.</summary>
    public Task AppendAuditAsync(AuditDraft audit, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) =>
        {
            await AppendAuditAsync(c, t, audit);
            return true;
        }, cancellationToken);

    private static async Task AppendAuditAsync(SqliteConnection connection, SqliteTransaction transaction, AuditDraft draft)
    {
        var head = await connection.QueryAsync(
            "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
            r => (Sequence: r.GetInt64(0), Hash: r.GetString(1)), transaction);
        var (sequence, previous) = head.Count == 0 ? (0L, AuditChain.GenesisHash) : head[0];
        var entry = AuditChain.Link(draft, sequence + 1, previous);
        await connection.ExecuteAsync(
            "INSERT INTO audit (seq, report_id, at, actor, action, data, prev_hash, hash) VALUES ($seq, $report, $at, $actor, $action, $data, $prev, $hash)",
            transaction,
            ("$seq", entry.Sequence), ("$report", entry.ReportId.ToString()), ("$at", entry.At.ToUnixMs()),
            ("$actor", entry.Actor), ("$action", entry.Action), ("$data", entry.Data),
            ("$prev", entry.PreviousHash), ("$hash", entry.Hash));
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

    private static Task IndexTextAsync(SqliteConnection connection, SqliteTransaction transaction, Report report) =>
        connection.ExecuteAsync("INSERT INTO reports_fts (rowid, text) SELECT search_rowid, $search FROM reports WHERE id = $id", transaction,
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
