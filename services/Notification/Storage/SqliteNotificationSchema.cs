using Microsoft.Data.Sqlite;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Notification.Storage;

/// <summary>
/// Notification's SQLite schema. A database made by an earlier version gets the tables added since (notices,
/// contests, messages: <c>CREATE TABLE IF NOT EXISTS</c>) and the columns added since (each <c>ALTER TABLE … ADD COLUMN</c>
/// only when <c>pragma table_info</c> lacks it), so an upgrade keeps its data.
/// </summary>
public static class SqliteNotificationSchema
{
    public const string Tables = """
        CREATE TABLE IF NOT EXISTS hosts (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            contact_email TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS subscriptions (
            id TEXT PRIMARY KEY,
            host_id TEXT NOT NULL REFERENCES hosts (id),
            url TEXT NOT NULL,
            events TEXT NOT NULL,
            model_patterns TEXT NOT NULL,
            protected_secret TEXT NOT NULL,
            enabled INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_subscriptions_host ON subscriptions (host_id);
        CREATE TABLE IF NOT EXISTS routes (
            report_id TEXT PRIMARY KEY,
            host_id TEXT NOT NULL,
            model_id TEXT NOT NULL,
            first_event_at INTEGER NOT NULL,
            acknowledged_at INTEGER,
            acknowledgement_note TEXT
        );
        CREATE TABLE IF NOT EXISTS deliveries (
            id TEXT PRIMARY KEY,
            subscription_id TEXT NOT NULL,
            host_id TEXT NOT NULL,
            report_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            webhook_id TEXT NOT NULL,
            payload TEXT NOT NULL,
            status TEXT NOT NULL,
            round_attempts INTEGER NOT NULL,
            next_attempt_at INTEGER,
            lease_until INTEGER,
            created_at INTEGER NOT NULL,
            last_attempt_at INTEGER
        );
        CREATE INDEX IF NOT EXISTS ix_deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
        CREATE INDEX IF NOT EXISTS ix_deliveries_host ON deliveries (host_id, created_at DESC);
        CREATE INDEX IF NOT EXISTS ix_deliveries_subscription ON deliveries (subscription_id, status, created_at);
        CREATE TABLE IF NOT EXISTS attempts (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            delivery_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            status_code INTEGER,
            latency_ms INTEGER NOT NULL,
            error TEXT,
            response_excerpt TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_attempts_delivery ON attempts (delivery_id, seq);
        CREATE TABLE IF NOT EXISTS notices (
            report_id TEXT PRIMARY KEY,
            host_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            doc TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS contests (
            id TEXT PRIMARY KEY,
            report_id TEXT NOT NULL,
            host_id TEXT NOT NULL,
            response_revision INTEGER NOT NULL,
            reason TEXT NOT NULL,
            note TEXT,
            contested_at INTEGER NOT NULL,
            forwarded_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_contests_report ON contests (report_id, contested_at, id);
        CREATE TABLE IF NOT EXISTS messages (
            id TEXT PRIMARY KEY,
            report_id TEXT NOT NULL,
            host_id TEXT NOT NULL,
            sender TEXT NOT NULL,
            author TEXT NOT NULL,
            text TEXT NOT NULL,
            sent_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_messages_report ON messages (report_id, host_id, sent_at, id);
        """ + SqliteOutbox.Schema;

    /// <summary>
    /// secure_delete: a replaced notice (what the maintainers no longer share, a redacted text) is zeroed in the
    /// file, not left in free pages; the write-ahead log is emptied after each replacement.
    /// </summary>
    public const string ConnectionPragmas = " PRAGMA secure_delete=ON;";

    /// <summary>Columns added after the first schema: (table, column, definition).</summary>
    public static readonly IReadOnlyList<(string Table, string Column, string Definition)> AddedColumns =
    [
        ("subscriptions", "previous_protected_secret", "TEXT"),
        ("subscriptions", "previous_secret_expires_at", "INTEGER"),
        ("subscriptions", "failing_since", "INTEGER"),
        ("subscriptions", "disabled_reason", "TEXT"),
        ("subscriptions", "disabled_at", "INTEGER"),
        ("routes", "summary", "TEXT"),
        ("routes", "summary_version", "INTEGER"),
        ("routes", "report_status", "TEXT"),
        ("routes", "response", "TEXT"),
        ("routes", "responded_at", "INTEGER"),
        ("routes", "response_revision", "INTEGER NOT NULL DEFAULT 0"),
        ("routes", "response_updated_at", "INTEGER"),
        ("routes", "last_reminded_at", "INTEGER"),
        ("routes", "reminders_sent", "INTEGER NOT NULL DEFAULT 0"),
        ("deliveries", "lease_token", "TEXT"),
    ];

    /// <summary>Indexes over added columns, created once the columns exist.</summary>
    private const string AddedIndexes = """
        CREATE INDEX IF NOT EXISTS ix_routes_host ON routes (host_id, first_event_at DESC, report_id DESC);
        CREATE INDEX IF NOT EXISTS ix_routes_unacknowledged ON routes (COALESCE(last_reminded_at, first_event_at)) WHERE acknowledged_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_subscriptions_disabled ON subscriptions (disabled_at DESC) WHERE disabled_at IS NOT NULL;
        """;

    /// <summary>
    /// Subscriptions disabled before <c>disabled_at</c> existed get a time, so the admins' notices list them: the start
    /// of their failing period (they were disabled after it), else their creation.
    /// </summary>
    private const string DisabledAtBackfill =
        "UPDATE subscriptions SET disabled_at = COALESCE(failing_since, created_at) WHERE enabled = 0 AND disabled_at IS NULL";

    public static SqliteDatabase Open(string path)
    {
        var database = new SqliteDatabase(path, Tables, ConnectionPragmas);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var (table, column, definition) in AddedColumns)
        {
            if (!HasColumn(connection, transaction, table, column))
            {
                Execute(connection, transaction, $"ALTER TABLE {table} ADD COLUMN {column} {definition}");
                if (column == "disabled_at")
                {
                    Execute(connection, transaction, DisabledAtBackfill);
                }
            }
        }

        Execute(connection, transaction, AddedIndexes);
        transaction.Commit();
        return database;
    }

    private static bool HasColumn(SqliteConnection connection, SqliteTransaction transaction, string table, string column)
    {
        using var command = connection.Command($"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = $column", transaction, ("$column", column));
        return (long)command.ExecuteScalar()! > 0;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.Command(sql, transaction);
        command.ExecuteNonQuery();
    }
}
