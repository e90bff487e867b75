namespace SafetyReports.IntegrationTests.Storage;

/// <summary>
/// The SQLite schemas the release before the migration journal (commit 28cf1e3) gave a new file, statement for statement
/// as its start ran them (<c>git show 28cf1e3:services/…</c>): the upgrade tests build a data folder from these.
/// </summary>
internal static class PreviousReleaseSchemas
{
    /// <summary><c>SqliteIntakeSchema.Tables</c> with the outbox, then its added columns and index.</summary>
    public const string Intake = """
        CREATE TABLE IF NOT EXISTS submissions (
            id TEXT PRIMARY KEY,
            received_at INTEGER NOT NULL,
            token_hash TEXT NOT NULL,
            status TEXT NOT NULL,
            status_version INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            public_notes TEXT NOT NULL,
            payload TEXT,
            handed_over_at INTEGER,
            next_handover_at INTEGER,
            handover_attempts INTEGER NOT NULL DEFAULT 0,
            trace_parent TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_submissions_handover ON submissions (next_handover_at) WHERE handed_over_at IS NULL;
        CREATE TABLE IF NOT EXISTS idempotency (
            key_hash TEXT PRIMARY KEY,
            request_hash TEXT NOT NULL,
            report_id TEXT NOT NULL,
            protected_response TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_idempotency_created ON idempotency (created_at);
        CREATE TABLE IF NOT EXISTS used_challenges (
            challenge_hash TEXT PRIMARY KEY,
            expires_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_used_challenges_expiry ON used_challenges (expires_at);
        CREATE TABLE IF NOT EXISTS secrets (
            name TEXT PRIMARY KEY,
            protected_secret TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            message_type TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            trace_parent TEXT
        );
        CREATE TABLE IF NOT EXISTS outbox_quarantine (
            id TEXT PRIMARY KEY,
            message_type TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            trace_parent TEXT,
            reason TEXT NOT NULL,
            quarantined_at INTEGER NOT NULL
        );
        ALTER TABLE submissions ADD COLUMN host_response TEXT;
        ALTER TABLE submissions ADD COLUMN contests TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE submissions ADD COLUMN quarantined_at INTEGER;
        ALTER TABLE submissions ADD COLUMN quarantine_reason TEXT;
        CREATE INDEX IF NOT EXISTS ix_submissions_quarantined ON submissions (quarantined_at) WHERE quarantined_at IS NOT NULL;
        """;

    /// <summary><c>SqliteNotificationSchema.Tables</c> with the outbox, then its added columns and indexes.</summary>
    public const string Notification = """
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
        CREATE TABLE IF NOT EXISTS outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            message_type TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            trace_parent TEXT
        );
        CREATE TABLE IF NOT EXISTS outbox_quarantine (
            id TEXT PRIMARY KEY,
            message_type TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            trace_parent TEXT,
            reason TEXT NOT NULL,
            quarantined_at INTEGER NOT NULL
        );
        ALTER TABLE subscriptions ADD COLUMN previous_protected_secret TEXT;
        ALTER TABLE subscriptions ADD COLUMN previous_secret_expires_at INTEGER;
        ALTER TABLE subscriptions ADD COLUMN failing_since INTEGER;
        ALTER TABLE subscriptions ADD COLUMN disabled_reason TEXT;
        ALTER TABLE subscriptions ADD COLUMN disabled_at INTEGER;
        ALTER TABLE routes ADD COLUMN summary TEXT;
        ALTER TABLE routes ADD COLUMN summary_version INTEGER;
        ALTER TABLE routes ADD COLUMN report_status TEXT;
        ALTER TABLE routes ADD COLUMN response TEXT;
        ALTER TABLE routes ADD COLUMN responded_at INTEGER;
        ALTER TABLE routes ADD COLUMN response_revision INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE routes ADD COLUMN response_updated_at INTEGER;
        ALTER TABLE routes ADD COLUMN last_reminded_at INTEGER;
        ALTER TABLE routes ADD COLUMN reminders_sent INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE deliveries ADD COLUMN lease_token TEXT;
        CREATE INDEX IF NOT EXISTS ix_routes_host ON routes (host_id, first_event_at DESC, report_id DESC);
        CREATE INDEX IF NOT EXISTS ix_routes_unacknowledged ON routes (COALESCE(last_reminded_at, first_event_at)) WHERE acknowledged_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_subscriptions_disabled ON subscriptions (disabled_at DESC) WHERE disabled_at IS NOT NULL;
        """;

    /// <summary><c>SqliteTriageSchema</c>: tables, outbox, transparency cells, the columns <c>Upgrade</c> added, indexes, search, counters, and the markers of the backfills a new file needs none of.</summary>
    public const string Triage = """
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
        CREATE TABLE IF NOT EXISTS outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            message_type TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            trace_parent TEXT
        );
        CREATE TABLE IF NOT EXISTS outbox_quarantine (
            id TEXT PRIMARY KEY,
            message_type TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            trace_parent TEXT,
            reason TEXT NOT NULL,
            quarantined_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS transparency_hosts (month INTEGER NOT NULL, host TEXT NOT NULL, cell BLOB NOT NULL, PRIMARY KEY (month, host)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS transparency_models (host TEXT NOT NULL, month INTEGER NOT NULL, model TEXT NOT NULL, cell BLOB NOT NULL, PRIMARY KEY (host, month, model)) WITHOUT ROWID;
        ALTER TABLE reports ADD COLUMN contact_closed_at INTEGER;
        ALTER TABLE reports ADD COLUMN transparency INTEGER;
        ALTER TABLE reports ADD COLUMN unanswered_since INTEGER;
        ALTER TABLE reports ADD COLUMN disclosed_at INTEGER;
        ALTER TABLE reports ADD COLUMN contest_open INTEGER;
        CREATE INDEX IF NOT EXISTS ix_reports_status_received ON reports (status, received_at, id);
        CREATE INDEX IF NOT EXISTS ix_reports_status_deadline ON reports (status, deadline, id);
        CREATE INDEX IF NOT EXISTS ix_reports_category_received ON reports (category, received_at, id, status);
        CREATE INDEX IF NOT EXISTS ix_reports_category_deadline ON reports (category, deadline, id);
        CREATE INDEX IF NOT EXISTS ix_reports_severity_received ON reports (severity, received_at, id, status);
        CREATE INDEX IF NOT EXISTS ix_reports_severity_deadline ON reports (severity, deadline, id);
        CREATE INDEX IF NOT EXISTS ix_reports_assignee_received ON reports (assignee, received_at, id, status);
        CREATE INDEX IF NOT EXISTS ix_reports_assignee_deadline ON reports (assignee, deadline, id);
        CREATE INDEX IF NOT EXISTS ix_reports_host_received ON reports (model_host, received_at, id, status);
        CREATE INDEX IF NOT EXISTS ix_reports_host_deadline ON reports (model_host, deadline, id);
        CREATE INDEX IF NOT EXISTS ix_reports_model_received ON reports (model_id, received_at, id, status);
        CREATE INDEX IF NOT EXISTS ix_reports_model_deadline ON reports (model_id, deadline, id);
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
        CREATE VIRTUAL TABLE IF NOT EXISTS reports_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE IF NOT EXISTS reports_fts_terms USING fts5vocab(reports_fts, 'row');
        CREATE TABLE IF NOT EXISTS report_counts (
            status TEXT NOT NULL,
            category TEXT NOT NULL,
            severity TEXT NOT NULL,
            model_host TEXT NOT NULL,
            assignee TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (status, category, severity, model_host, assignee)
        ) WITHOUT ROWID;
        CREATE TRIGGER IF NOT EXISTS tr_reports_count_insert AFTER INSERT ON reports BEGIN
            INSERT INTO report_counts (status, category, severity, model_host, assignee, n) VALUES (new.status, new.category, coalesce(new.severity, ''), new.model_host, coalesce(new.assignee, ''), 1) ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER IF NOT EXISTS tr_reports_count_delete AFTER DELETE ON reports BEGIN
            UPDATE report_counts SET n = n - 1 WHERE (status, category, severity, model_host, assignee) = (old.status, old.category, coalesce(old.severity, ''), old.model_host, coalesce(old.assignee, ''));
        END;
        CREATE TRIGGER IF NOT EXISTS tr_reports_count_update AFTER UPDATE OF status, category, severity, model_host, assignee ON reports
            WHEN (old.status, old.category, coalesce(old.severity, ''), old.model_host, coalesce(old.assignee, '')) IS NOT (new.status, new.category, coalesce(new.severity, ''), new.model_host, coalesce(new.assignee, ''))
        BEGIN
            UPDATE report_counts SET n = n - 1 WHERE (status, category, severity, model_host, assignee) = (old.status, old.category, coalesce(old.severity, ''), old.model_host, coalesce(old.assignee, ''));
            INSERT INTO report_counts (status, category, severity, model_host, assignee, n) VALUES (new.status, new.category, coalesce(new.severity, ''), new.model_host, coalesce(new.assignee, ''), 1) ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        INSERT INTO triage_meta (key, value) VALUES ('counts', '1'), ('search', '1'), ('disclosure', '1'), ('closed_at', '1');
        """;

    /// <summary><c>SqliteSessionCache.Schema</c>.</summary>
    public const string PortalSessions = """
        CREATE TABLE IF NOT EXISTS sessions (
            key TEXT PRIMARY KEY, value BLOB NOT NULL, expires_at INTEGER NOT NULL, sliding_ms INTEGER, absolute_at INTEGER
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_sessions_expires ON sessions (expires_at);
        """;
}
