using System.Globalization;
using Microsoft.Data.Sqlite;
using SafetyReports.ServiceDefaults.Storage;
using SafetyReports.Triage.Disclosure;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Transparency;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// Triage's SQLite schema and its upgrades, run at start: a database from before the queue's deadlines,
/// full-text search and status counters gets the columns, the indexes, the FTS5 table and the counter
/// table with its triggers, and the transparency cells, backfilled in one transaction (and the open-contest column, NULL for all).
/// Deadlines are stored (so the deadline order and the overdue filter are index walks) and recomputed
/// whenever the configured SLA differs from the one they were computed with.
/// </summary>
internal static class SqliteTriageSchema
{
    public const string Tables = """
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
            doc TEXT NOT NULL,
            deadline INTEGER,
            search_rowid INTEGER
        );
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
        CREATE TABLE IF NOT EXISTS triage_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """ + SqliteOutbox.Schema + SqliteTransparencyCells.Schema;

    /// <summary>
    /// One index per filter and order: (filter, received_at, id) walks newest or oldest first (SQLite
    /// scans an index either way), (filter, deadline, id) walks soonest deadline first. Status trails the
    /// received indexes so counts per status read the index alone. The partial index serves <c>overdue</c>.
    /// </summary>
    private static readonly string Indexes = string.Join('\n',
        new[] { ("status", "status"), ("category", "category"), ("severity", "severity"), ("assignee", "assignee"), ("host", "model_host"), ("model", "model_id") }
            .Select(f => $"""
                CREATE INDEX IF NOT EXISTS ix_reports_{f.Item1}_received ON reports ({f.Item2}, received_at, id{(f.Item2 == "status" ? "" : ", status")});
                CREATE INDEX IF NOT EXISTS ix_reports_{f.Item1}_deadline ON reports ({f.Item2}, deadline, id);
                """)) + """

        CREATE INDEX IF NOT EXISTS ix_reports_received ON reports (received_at DESC, id DESC);
        CREATE INDEX IF NOT EXISTS ix_reports_deadline ON reports (deadline, id);
        CREATE INDEX IF NOT EXISTS ix_reports_overdue ON reports (deadline, id) WHERE status IN ('received', 'triaging', 'needs_info');
        CREATE INDEX IF NOT EXISTS ix_reports_contact_closed ON reports (contact_closed_at) WHERE contact_closed_at IS NOT NULL;
        CREATE UNIQUE INDEX IF NOT EXISTS ux_reports_search_rowid ON reports (search_rowid);
        CREATE INDEX IF NOT EXISTS ix_reports_unanswered ON reports (unanswered_since) WHERE unanswered_since IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_reports_disclosed ON reports (disclosed_at DESC, id DESC) WHERE disclosed_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_reports_contested_received ON reports (received_at, id, status) WHERE contest_open = 1;
        CREATE INDEX IF NOT EXISTS ix_reports_contested_deadline ON reports (deadline, id) WHERE contest_open = 1;
        DROP INDEX IF EXISTS ix_reports_status;
        DROP INDEX IF EXISTS ix_reports_model;
        """;

    /// <summary>
    /// On every connection: what a write replaces or deletes (an earlier version of a report's row, freed
    /// overflow pages) is overwritten with zeros, so a redacted text does not linger in the file's free space.
    /// </summary>
    public const string ConnectionPragmas = " PRAGMA secure_delete=ON;";

    /// <summary>Contentless (the text lives in <c>reports</c>), rows deletable, keyed by <c>reports.search_rowid</c>.</summary>
    public const string SearchTable = """
        CREATE VIRTUAL TABLE IF NOT EXISTS reports_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE IF NOT EXISTS reports_fts_terms USING fts5vocab(reports_fts, 'row');
        """;

    private const string SearchVersion = "1";

    /// <summary>Recorded once every report has its <c>unanswered_since</c> and <c>disclosed_at</c> (its writes keep them since).</summary>
    private const string DisclosureVersion = "1";

    /// <summary>
    /// What <c>contest_open</c> holds: 1 while a contest waits on the maintainers, else NULL, so the partial indexes
    /// behind <c>contested=true</c> hold those reports only. Reports stored before contests existed have none: the
    /// column added to an older database starts NULL, which is right for every one of them.
    /// </summary>
    public static long? ContestOpen(Report report) => ReportContests.HasOpen(report) ? 1 : null;

    /// <summary>Recorded once closed reports without a close time have been given one.</summary>
    private const string ClosedAtVersion = "1";

    /// <summary>Recorded once the counter table has been filled from the rows (its triggers keep it since).</summary>
    private const string CountsVersion = "1";

    public static void Upgrade(SqliteConnection connection, SlaOptions sla, TransparencyOptions transparency)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var columns = Query(connection, transaction, "SELECT name FROM pragma_table_info('reports')", r => r.GetString(0));
        foreach (var column in new[] { "deadline", "search_rowid", "contact_closed_at", "transparency", "unanswered_since", "disclosed_at", "contest_open" }.Except(columns))
        {
            Execute(connection, transaction, $"ALTER TABLE reports ADD COLUMN {column} INTEGER");
        }

        Execute(connection, transaction, Indexes);
        Execute(connection, transaction, SearchTable);
        Execute(connection, transaction, SqliteReportCounters.Schema);
        if (Meta(connection, transaction, "counts") != CountsVersion)
        {
            Execute(connection, transaction, SqliteReportCounters.Backfill);
            SetMeta(connection, transaction, "counts", CountsVersion);
        }

        if (Meta(connection, transaction, "search") != SearchVersion)
        {
            // Every report gets its search key (a stable one: a plain rowid may change on VACUUM) and its text indexed.
            Execute(connection, transaction, "DELETE FROM reports_fts; UPDATE reports SET search_rowid = NULL;");
            using var key = connection.Command("UPDATE reports SET search_rowid = $key WHERE id = $id", transaction, ("$key", 0L), ("$id", ""));
            using var insert = connection.Command("INSERT INTO reports_fts (rowid, text) VALUES ($key, $text)", transaction, ("$key", 0L), ("$text", ""));
            var taken = new HashSet<long>();
            foreach (var doc in Query(connection, transaction, "SELECT doc FROM reports", r => r.GetString(0)))
            {
                var report = ReportDocument.Deserialize(doc);
                var next = SearchKey.For(report.ReceivedAt, report.Id);
                while (!taken.Add(next))
                {
                    next++;
                }

                key.Parameters["$key"].Value = next;
                key.Parameters["$id"].Value = report.Id.ToString();
                key.ExecuteNonQuery();
                insert.Parameters["$key"].Value = next;
                insert.Parameters["$text"].Value = ReportDocument.SearchText(report);
                insert.ExecuteNonQuery();
            }

            SetMeta(connection, transaction, "search", SearchVersion);
        }

        if (Meta(connection, transaction, "disclosure") != DisclosureVersion)
        {
            // Triaged reports stored before the disclosure policy get the column the disclosure job walks (no other can need it).
            using var set = connection.Command("UPDATE reports SET unanswered_since = $since, disclosed_at = $disclosed WHERE id = $id", transaction,
                ("$since", null), ("$disclosed", null), ("$id", ""));
            foreach (var doc in Query(connection, transaction, "SELECT doc FROM reports WHERE unanswered_since IS NULL AND disclosed_at IS NULL AND json_extract(doc, '$.triagedAt') IS NOT NULL", r => r.GetString(0)))
            {
                var report = ReportDocument.Deserialize(doc);
                set.Parameters["$since"].Value = (object?)DisclosurePolicy.UnansweredSince(report)?.ToUnixMs() ?? DBNull.Value;
                set.Parameters["$disclosed"].Value = (object?)report.DisclosedAt?.ToUnixMs() ?? DBNull.Value;
                set.Parameters["$id"].Value = report.Id.ToString();
                set.ExecuteNonQuery();
            }

            SetMeta(connection, transaction, "disclosure", DisclosureVersion);
        }

        if (Meta(connection, transaction, "closed_at") != ClosedAtVersion)
        {
            BackfillCloseTimes(connection, transaction);
            SetMeta(connection, transaction, "closed_at", ClosedAtVersion);
        }

        var cells = transparency.CellsFingerprint;
        if (Meta(connection, transaction, "transparency") != cells)
        {
            SqliteTransparencyCells.Refill(connection, transaction, transparency);
            SetMeta(connection, transaction, "transparency", cells);
        }

        var fingerprint = Fingerprint(sla);
        if (Meta(connection, transaction, "sla") != fingerprint)
        {
            // A report whose deadline changes gets a new version, as any change (and as on MongoDB, where replicas may be
            // writing meanwhile): a writer holding the old version reads it again.
            const string NewDeadline = """
                received_at + CASE severity
                    WHEN 'critical' THEN $critical WHEN 'high' THEN $high WHEN 'medium' THEN $medium WHEN 'low' THEN $low
                    ELSE $unassessed END
                """;
            Execute(connection, transaction, $"""
                UPDATE reports SET deadline = {NewDeadline}, version = version + 1, doc = json_set(doc, '$.version', version + 1)
                WHERE deadline IS NOT {NewDeadline}
                """,
                ("$critical", Ms(sla.Critical)), ("$high", Ms(sla.High)), ("$medium", Ms(sla.Medium)), ("$low", Ms(sla.Low)),
                ("$unassessed", Ms(sla.Unassessed)));
            SetMeta(connection, transaction, "sla", fingerprint);
        }

        transaction.Commit();
    }

    /// <summary>Closed reports from before close times were kept get one from the audit chain (<see cref="ClosedAtBackfill"/>).</summary>
    private static void BackfillCloseTimes(SqliteConnection connection, SqliteTransaction transaction)
    {
        var closed = Query(connection, transaction,
            "SELECT doc FROM reports WHERE status IN ('resolved', 'rejected', 'duplicate') AND json_extract(doc, '$.closedAt') IS NULL", r => ReportDocument.Deserialize(r.GetString(0)));
        foreach (var report in closed.Where(ClosedAtBackfill.Needs))
        {
            var entries = Query(connection, transaction,
                "SELECT seq, report_id, at, actor, action, data, prev_hash, hash FROM audit WHERE report_id = $id ORDER BY seq",
                SqliteTriageStore.ReadAudit,
                ("$id", report.Id.ToString()));
            // A new version, as any change: a writer holding the old one cannot replace the report without its close time.
            var updated = report with { ClosedAt = ClosedAtBackfill.CloseTime(report, entries), Version = report.Version + 1 };
            Execute(connection, transaction, "UPDATE reports SET doc = $doc, version = $version, contact_closed_at = $contact WHERE id = $id",
                ("$doc", ReportDocument.Serialize(updated)), ("$version", updated.Version),
                ("$contact", ContactRetention.PurgeKey(updated)?.ToUnixTimeMilliseconds()), ("$id", report.Id.ToString()));
        }
    }

    private static string Fingerprint(SlaOptions sla) =>
        string.Join(',', sla.Named().Select(n => Ms(n.Value).ToString(CultureInfo.InvariantCulture)));

    private static long Ms(TimeSpan value) => (long)value.TotalMilliseconds;

    private static string? Meta(SqliteConnection connection, SqliteTransaction transaction, string key) =>
        Query(connection, transaction, "SELECT value FROM triage_meta WHERE key = $key", r => r.GetString(0), ("$key", key)).FirstOrDefault();

    private static void SetMeta(SqliteConnection connection, SqliteTransaction transaction, string key, string value) =>
        Execute(connection, transaction, "INSERT INTO triage_meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = $value",
            ("$key", key), ("$value", value));

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string, object?)[] parameters)
    {
        using var command = connection.Command(sql, transaction, parameters);
        command.ExecuteNonQuery();
    }

    private static List<T> Query<T>(SqliteConnection connection, SqliteTransaction transaction, string sql, Func<SqliteDataReader, T> map, params (string, object?)[] parameters)
    {
        using var command = connection.Command(sql, transaction, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
