using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Notification.Storage;

/// <summary>
/// Notification's SQLite schema as its migrations (<see cref="SqliteMigrations"/>): version 1 is the schema of the release of
/// 2026-11-29, the last before the journal; each later step is one change since. A released step never changes.
/// </summary>
public static class SqliteNotificationSchema
{
    /// <summary>
    /// secure_delete: a replaced notice (what the maintainers no longer share, a redacted text) is zeroed in the
    /// file, not left in free pages; the write-ahead log is emptied after each replacement.
    /// </summary>
    public const string ConnectionPragmas = " PRAGMA secure_delete=ON;";

    /// <summary>
    /// Subscriptions disabled before <c>disabled_at</c> existed get a time, so the admins' notices list them: the start
    /// of their failing period (they were disabled after it), else their creation. Run when a file from before the
    /// journal gains the column.
    /// </summary>
    private const string DisabledAtBackfill =
        "UPDATE subscriptions SET disabled_at = COALESCE(failing_since, created_at) WHERE enabled = 0 AND disabled_at IS NULL";

    public static SqliteMigrations Migrations { get; } = new(
    [
        SqliteMigration.Sql(1, "release of 2026-11-29", """
            CREATE TABLE hosts (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                contact_email TEXT NOT NULL,
                created_at INTEGER NOT NULL
            );
            CREATE TABLE subscriptions (
                id TEXT PRIMARY KEY,
                host_id TEXT NOT NULL REFERENCES hosts (id),
                url TEXT NOT NULL,
                events TEXT NOT NULL,
                model_patterns TEXT NOT NULL,
                protected_secret TEXT NOT NULL,
                enabled INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                previous_protected_secret TEXT,
                previous_secret_expires_at INTEGER,
                failing_since INTEGER,
                disabled_reason TEXT,
                disabled_at INTEGER
            );
            CREATE INDEX ix_subscriptions_host ON subscriptions (host_id);
            CREATE TABLE routes (
                report_id TEXT PRIMARY KEY,
                host_id TEXT NOT NULL,
                model_id TEXT NOT NULL,
                first_event_at INTEGER NOT NULL,
                acknowledged_at INTEGER,
                acknowledgement_note TEXT,
                summary TEXT,
                summary_version INTEGER,
                report_status TEXT,
                response TEXT,
                responded_at INTEGER,
                response_revision INTEGER NOT NULL DEFAULT 0,
                response_updated_at INTEGER,
                last_reminded_at INTEGER,
                reminders_sent INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE deliveries (
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
            CREATE INDEX ix_deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
            CREATE INDEX ix_deliveries_host ON deliveries (host_id, created_at DESC);
            CREATE INDEX ix_deliveries_subscription ON deliveries (subscription_id, status, created_at);
            CREATE TABLE attempts (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                delivery_id TEXT NOT NULL,
                at INTEGER NOT NULL,
                status_code INTEGER,
                latency_ms INTEGER NOT NULL,
                error TEXT,
                response_excerpt TEXT
            );
            CREATE INDEX ix_attempts_delivery ON attempts (delivery_id, seq);
            """ + SqliteOutbox.Table + """
            CREATE INDEX ix_routes_host ON routes (host_id, first_event_at DESC, report_id DESC);
            CREATE INDEX ix_routes_unacknowledged ON routes (COALESCE(last_reminded_at, first_event_at)) WHERE acknowledged_at IS NULL;
            CREATE INDEX ix_subscriptions_disabled ON subscriptions (disabled_at DESC) WHERE disabled_at IS NOT NULL;
            """),
        SqliteMigration.Sql(2, "the host loop: notices, contests, messages", """
            CREATE TABLE notices (
                report_id TEXT PRIMARY KEY,
                host_id TEXT NOT NULL,
                revision INTEGER NOT NULL,
                doc TEXT NOT NULL
            );
            CREATE TABLE contests (
                id TEXT PRIMARY KEY,
                report_id TEXT NOT NULL,
                host_id TEXT NOT NULL,
                response_revision INTEGER NOT NULL,
                reason TEXT NOT NULL,
                note TEXT,
                contested_at INTEGER NOT NULL,
                forwarded_at INTEGER NOT NULL
            );
            CREATE INDEX ix_contests_report ON contests (report_id, contested_at, id);
            CREATE TABLE messages (
                id TEXT PRIMARY KEY,
                report_id TEXT NOT NULL,
                host_id TEXT NOT NULL,
                sender TEXT NOT NULL,
                author TEXT NOT NULL,
                text TEXT NOT NULL,
                sent_at INTEGER NOT NULL
            );
            CREATE INDEX ix_messages_report ON messages (report_id, host_id, sent_at, id);
            """),
        SqliteMigration.Sql(3, "webhook lease tokens", "ALTER TABLE deliveries ADD COLUMN lease_token TEXT;"),
        SqliteMigration.Sql(4, "outbox quarantine", SqliteOutbox.QuarantineTable),
        SqliteMigration.Sql(5, "mail outbox", SqliteMailOutbox.Table),
        SqliteMigration.Sql(6, "host log leaves", """
            CREATE TABLE log_leaves (
                report_id TEXT NOT NULL,
                host_id TEXT NOT NULL,
                action TEXT NOT NULL,
                leaf INTEGER NOT NULL,
                PRIMARY KEY (report_id, host_id, action)
            ) WITHOUT ROWID;
            """),
        SqliteMigration.Sql(7, "sent mails pruned", SqliteMailOutbox.SentIndex),
        // A report reaches every host serving a copy of its model: routes are keyed by report and host (host_routes replaces
        // routes, whose rows it takes over as the routes to the hosts the reports name).
        SqliteMigration.Sql(8, "model identity: routes per report and host, manifests, aliases, report digests", """
            CREATE TABLE host_routes (
                report_id TEXT NOT NULL,
                host_id TEXT NOT NULL,
                model_id TEXT NOT NULL,
                via TEXT NOT NULL DEFAULT 'report',
                first_event_at INTEGER NOT NULL,
                acknowledged_at INTEGER,
                acknowledgement_note TEXT,
                summary TEXT,
                summary_version INTEGER,
                report_status TEXT,
                response TEXT,
                responded_at INTEGER,
                response_revision INTEGER NOT NULL DEFAULT 0,
                response_updated_at INTEGER,
                last_reminded_at INTEGER,
                reminders_sent INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (report_id, host_id)
            );
            INSERT INTO host_routes (report_id, host_id, model_id, first_event_at, acknowledged_at, acknowledgement_note, summary,
                summary_version, report_status, response, responded_at, response_revision, response_updated_at, last_reminded_at, reminders_sent)
            SELECT report_id, host_id, model_id, first_event_at, acknowledged_at, acknowledgement_note, summary,
                summary_version, report_status, response, responded_at, response_revision, response_updated_at, last_reminded_at, reminders_sent
            FROM routes;
            DROP TABLE routes;
            CREATE INDEX ix_host_routes_host ON host_routes (host_id, first_event_at DESC, report_id DESC);
            CREATE INDEX ix_host_routes_unacknowledged ON host_routes (COALESCE(last_reminded_at, first_event_at)) WHERE acknowledged_at IS NULL;
            CREATE TABLE model_manifests (
                host_id TEXT NOT NULL,
                model_id TEXT NOT NULL,
                published_at INTEGER NOT NULL,
                PRIMARY KEY (host_id, model_id)
            ) WITHOUT ROWID;
            CREATE TABLE model_files (
                host_id TEXT NOT NULL,
                model_id TEXT NOT NULL,
                digest TEXT NOT NULL,
                position INTEGER NOT NULL,
                PRIMARY KEY (host_id, model_id, digest)
            ) WITHOUT ROWID;
            CREATE INDEX ix_model_files_digest ON model_files (digest);
            CREATE TABLE model_aliases (
                host_id TEXT NOT NULL,
                model_id TEXT NOT NULL,
                group_id TEXT NOT NULL,
                linked_at INTEGER NOT NULL,
                linked_by TEXT NOT NULL,
                PRIMARY KEY (host_id, model_id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_model_aliases_group ON model_aliases (group_id);
            CREATE TABLE report_digests (
                report_id TEXT NOT NULL,
                digest TEXT NOT NULL,
                PRIMARY KEY (report_id, digest)
            ) WITHOUT ROWID;
            CREATE INDEX ix_report_digests_digest ON report_digests (digest);
            """),
    ],
    beforeJournal: (connection, transaction, catchUp) =>
    {
        if (catchUp.AddedColumn("subscriptions", "disabled_at"))
        {
            using var backfill = connection.Command(DisabledAtBackfill, transaction);
            backfill.ExecuteNonQuery();
        }
    });

    public static SqliteDatabase Open(string path) => new(path, Migrations, ConnectionPragmas);
}
