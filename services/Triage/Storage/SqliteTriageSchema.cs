using Microsoft.Data.Sqlite;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// Triage's SQLite schema as its migrations (<see cref="SqliteMigrations"/>): version 1 is the schema of the release of
/// 2026-11-29 (<see cref="SqliteTriageBaseline"/>), each later step one change since; a file from before the journal gets
/// the backfills earlier releases ran (<see cref="SqliteTriageBeforeJournal"/>). After the migrations, in the same
/// transaction, what is derived from configuration is recomputed when the configuration changed: deadlines are stored (so
/// the deadline order and the overdue filter are index walks) and follow the configured SLA, and the transparency cells
/// follow their rules.
/// </summary>
public static class SqliteTriageSchema
{
    /// <summary>
    /// On every connection: what a write replaces or deletes (an earlier version of a report's row, freed
    /// overflow pages) is overwritten with zeros, so a redacted text does not linger in the file's free space.
    /// </summary>
    public const string ConnectionPragmas = " PRAGMA secure_delete=ON;";

    public static SqliteMigrations Migrations { get; } = new(
    [
        SqliteMigration.Sql(1, "release of 2026-11-29", SqliteTriageBaseline.Schema),
        // Reports stored before contests existed have none: the column starts NULL, which is right for every one of them.
        SqliteMigration.Sql(2, "open contests in the queue", """
            ALTER TABLE reports ADD COLUMN contest_open INTEGER;
            CREATE INDEX ix_reports_contested_received ON reports (received_at, id, status) WHERE contest_open = 1;
            CREATE INDEX ix_reports_contested_deadline ON reports (deadline, id) WHERE contest_open = 1;
            """),
        SqliteMigration.Sql(3, "outbox quarantine", SqliteOutbox.QuarantineTable),
        // Signatures are fixed functions of a report's text (no configuration): the reports already stored get theirs here.
        new SqliteMigration(4, "near-duplicate signatures", SqliteReportBands.Migrate),
        SqliteLogLeaves.Migration(5),
        // Reports stored before the reporter's language was kept were all taken in English.
        SqliteMigration.Sql(6, "reporter language and mail outbox", $$"""
            UPDATE reports SET doc = json_set(doc, '$.language', 'en') WHERE json_extract(doc, '$.language') IS NULL;
            {{SqliteMailOutbox.Table}}
            """),
        SqliteMigration.Sql(7, "sealed months and errata", SqliteSealedMonths.Schema),
        SqliteMigration.Sql(8, "maintainers' notification choices", SqliteMaintainerNotifications.Table + SqliteMaintainerDigest.Table),
        SqliteMigration.Sql(9, "sealed per-model figures and errata", SqliteSealedMonths.ModelsSchema),
        SqliteMigration.Sql(10, "sent mails pruned", SqliteMailOutbox.SentIndex),
        // The bytes apart from the report's JSON (which holds their records): a report is read often, its files rarely.
        SqliteMigration.Sql(11, "evidence files stored with their report", """
            CREATE TABLE evidence_files (
                id TEXT PRIMARY KEY,
                report_id TEXT NOT NULL,
                content BLOB NOT NULL
            );
            CREATE INDEX ix_evidence_files_report ON evidence_files (report_id);
            """),
        SqliteMigration.Sql(12, "published advisories", SqliteAdvisories.Schema),
    ],
    SqliteTriageBeforeJournal.CatchUp);

    /// <summary>
    /// What <c>contest_open</c> holds: 1 while a contest waits on the maintainers, else NULL, so the partial indexes
    /// behind <c>contested=true</c> hold those reports only.
    /// </summary>
    public static long? ContestOpen(Report report) => ReportContests.HasOpen(report) ? 1 : null;

    public static SqliteDatabase Open(string path, SlaOptions sla, TransparencyOptions transparency) =>
        new(path, Migrations, ConnectionPragmas, (connection, transaction) => FollowConfiguration(connection, transaction, sla, transparency));

    /// <summary>Recomputes the transparency cells and the deadlines when their rules or the SLA differ from those recorded in <c>triage_meta</c>.</summary>
    private static void FollowConfiguration(SqliteConnection connection, SqliteTransaction transaction, SlaOptions sla, TransparencyOptions transparency)
    {
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
            connection.Execute(transaction, $"""
                UPDATE reports SET deadline = {NewDeadline}, version = version + 1, doc = json_set(doc, '$.version', version + 1)
                WHERE deadline IS NOT {NewDeadline}
                """,
                ("$critical", Ms(sla.Critical)), ("$high", Ms(sla.High)), ("$medium", Ms(sla.Medium)), ("$low", Ms(sla.Low)),
                ("$unassessed", Ms(sla.Unassessed)));
            SetMeta(connection, transaction, "sla", fingerprint);
        }
    }

    private static string Fingerprint(SlaOptions sla) =>
        string.Join(',', sla.Named().Select(n => Ms(n.Value).ToString(CultureInfo.InvariantCulture)));

    private static long Ms(TimeSpan value) => (long)value.TotalMilliseconds;

    internal static string? Meta(SqliteConnection connection, SqliteTransaction transaction, string key) =>
        connection.Query(transaction, "SELECT value FROM triage_meta WHERE key = $key", r => r.GetString(0), ("$key", key)).FirstOrDefault();

    internal static void SetMeta(SqliteConnection connection, SqliteTransaction transaction, string key, string value) =>
        connection.Execute(transaction, "INSERT INTO triage_meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = $value",
            ("$key", key), ("$value", value));
}
