using Microsoft.Data.Sqlite;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.ServiceDefaults.Storage;
using SafetyReports.Triage.Domain;
using static SafetyReports.ServiceDefaults.Storage.SqliteCommandExtensions;

namespace SafetyReports.Triage.Storage;

public sealed class SqliteTriageStore : ITriageStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS reports (
            id TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            category TEXT NOT NULL,
            severity TEXT,
            model_host TEXT NOT NULL,
            model_id TEXT NOT NULL,
            assignee TEXT,
            received_at INTEGER NOT NULL,
            version INTEGER NOT NULL,
            search_text TEXT NOT NULL,
            doc TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_reports_received ON reports (received_at DESC, id DESC);
        CREATE INDEX IF NOT EXISTS ix_reports_status ON reports (status, received_at DESC);
        CREATE INDEX IF NOT EXISTS ix_reports_model ON reports (model_host, model_id, received_at DESC);
        CREATE TABLE IF NOT EXISTS audit (
            seq INTEGER PRIMARY KEY,
            report_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            data TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_audit_report ON audit (report_id, seq);
        """ + SqliteOutbox.Schema;

    private readonly SqliteDatabase _database;

    public SqliteTriageStore(string path)
    {
        _database = new SqliteDatabase(path, Schema);
    }

    public WorkSignal OutboxSignal { get; } = new();

    public async Task<bool> AddReportAsync(Report report, AuditDraft audit, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken)
    {
        var added = await _database.WriteAsync(async (c, t) =>
        {
            var inserted = await c.ExecuteAsync(
                """
                INSERT INTO reports (id, status, category, severity, model_host, model_id, assignee, received_at, version, search_text, doc)
                VALUES ($id, $status, $category, $severity, $host, $model, $assignee, $received, $version, $search, $doc)
                ON CONFLICT (id) DO NOTHING
                """,
                t, Parameters(report));
            if (inserted == 0)
            {
                return false;
            }

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
        var saved = await _database.WriteAsync(async (c, t) =>
        {
            var changed = await c.ExecuteAsync(
                """
                UPDATE reports SET status = $status, category = $category, severity = $severity, model_host = $host,
                    model_id = $model, assignee = $assignee, received_at = $received, version = $version,
                    search_text = $search, doc = $doc
                WHERE id = $id AND version = $expected
                """,
                t, [.. Parameters(updated), ("$expected", expectedVersion)]);
            if (changed == 0)
            {
                return false;
            }

            await AppendAuditAsync(c, t, audit);
            foreach (var message in events)
            {
                await SqliteOutbox.AddAsync(c, t, message);
            }

            return true;
        }, cancellationToken);
        if (saved && events.Count > 0)
        {
            OutboxSignal.Notify();
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
            var where = new List<string>();
            var parameters = new List<(string, object?)>();
            void Filter(string column, string name, string? value)
            {
                if (value is not null)
                {
                    where.Add($"{column} = {name}");
                    parameters.Add((name, value));
                }
            }

            Filter("status", "$status", query.Status);
            Filter("category", "$category", query.Category);
            Filter("severity", "$severity", query.Severity);
            Filter("model_host", "$host", query.ModelHost);
            Filter("model_id", "$model", query.ModelId);
            Filter("assignee", "$assignee", query.Assignee);
            if (!string.IsNullOrWhiteSpace(query.Text))
            {
                where.Add("instr(search_text, $text) > 0");
                parameters.Add(("$text", query.Text.ToLowerInvariant()));
            }

            if (query.After is { } after)
            {
                where.Add("(received_at < $afterAt OR (received_at = $afterAt AND id < $afterId))");
                parameters.Add(("$afterAt", after.ReceivedAt.ToUnixMs()));
                parameters.Add(("$afterId", after.Id.ToString()));
            }

            parameters.Add(("$limit", query.Limit + 1));
            var sql = "SELECT doc FROM reports"
                + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
                + " ORDER BY received_at DESC, id DESC LIMIT $limit";
            var docs = await c.QueryAsync(sql, r => r.GetString(0), null, [.. parameters]);
            var items = docs.Take(query.Limit).Select(ReportDocument.Deserialize).ToList();
            var next = docs.Count > query.Limit ? new ReportCursor(items[^1].ReceivedAt, items[^1].Id) : null;
            return new ReportPage(items, next);
        });

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(Guid reportId, CancellationToken cancellationToken) =>
        await _database.ReadAsync(c => c.QueryAsync(
            "SELECT seq, report_id, at, actor, action, data, prev_hash, hash FROM audit WHERE report_id = $id ORDER BY seq",
            ReadAudit, null, ("$id", reportId.ToString())));

    public async Task<IReadOnlyList<AuditEntry>> ReadAuditChainAsync(long afterSequence, int max, CancellationToken cancellationToken) =>
        await _database.ReadAsync(c => c.QueryAsync(
            "SELECT seq, report_id, at, actor, action, data, prev_hash, hash FROM audit WHERE seq > $after ORDER BY seq LIMIT $max",
            ReadAudit, null, ("$after", afterSequence), ("$max", max)));

    public Task<IReadOnlyList<OutboxMessage>> PeekOutboxAsync(int max, CancellationToken cancellationToken) =>
        SqliteOutbox.PeekAsync(_database, max);

    public Task RemoveFromOutboxAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        SqliteOutbox.RemoveAsync(_database, ids, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => _database.PingAsync(cancellationToken);

    /// <summary>Runs inside the write transaction, so the head it reads cannot move under it.</summary>
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

    private static AuditEntry ReadAudit(SqliteDataReader r) => new(
        r.GetInt64(0), Guid.Parse(r.GetString(1)), FromUnixMs(r.GetInt64(2)), r.GetString(3), r.GetString(4),
        r.GetString(5), r.GetString(6), r.GetString(7));

    private static (string, object?)[] Parameters(Report report) =>
    [
        ("$id", report.Id.ToString()), ("$status", report.Status), ("$category", report.Category),
        ("$severity", report.Severity), ("$host", report.Model.Host), ("$model", report.Model.Id),
        ("$assignee", report.Assignee), ("$received", report.ReceivedAt.ToUnixMs()), ("$version", report.Version),
        ("$search", ReportDocument.SearchText(report)), ("$doc", ReportDocument.Serialize(report)),
    ];
}
