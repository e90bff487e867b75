using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// Migration 1 of Triage's SQLite file: the schema the release of 2026-11-29 (the last before the journal) gave a new file,
/// with the markers of the one-off backfills it had run (none is needed on a new file). Never edited: changes are later migrations.
/// </summary>
internal static class SqliteTriageBaseline
{
    /// <summary>
    /// One index per filter and order: (filter, received_at, id) walks newest or oldest first (SQLite scans an index either
    /// way), (filter, deadline, id) walks soonest deadline first. Status trails the received indexes so counts per status
    /// read the index alone. The partial index serves <c>overdue</c>. The search table is contentless (the text lives in
    /// <c>reports</c>), its rows deletable, keyed by <c>reports.search_rowid</c>. The counters are kept by triggers
    /// (<see cref="SqliteReportCounters"/>).
    /// </summary>
    public const string Schema = """
        CREATE TABLE reports (
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
            search_rowid INTEGER,
            contact_closed_at INTEGER,
            transparency INTEGER,
            unanswered_since INTEGER,
            disclosed_at INTEGER
        );
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            report_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            data TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX ix_audit_report ON audit (report_id, seq);
        CREATE TABLE triage_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """ + SqliteOutbox.Table + """
        CREATE TABLE transparency_hosts (month INTEGER NOT NULL, host TEXT NOT NULL, cell BLOB NOT NULL, PRIMARY KEY (month, host)) WITHOUT ROWID;
        CREATE TABLE transparency_models (host TEXT NOT NULL, month INTEGER NOT NULL, model TEXT NOT NULL, cell BLOB NOT NULL, PRIMARY KEY (host, month, model)) WITHOUT ROWID;
        CREATE INDEX ix_reports_status_received ON reports (status, received_at, id);
        CREATE INDEX ix_reports_status_deadline ON reports (status, deadline, id);
        CREATE INDEX ix_reports_category_received ON reports (category, received_at, id, status);
        CREATE INDEX ix_reports_category_deadline ON reports (category, deadline, id);
        CREATE INDEX ix_reports_severity_received ON reports (severity, received_at, id, status);
        CREATE INDEX ix_reports_severity_deadline ON reports (severity, deadline, id);
        CREATE INDEX ix_reports_assignee_received ON reports (assignee, received_at, id, status);
        CREATE INDEX ix_reports_assignee_deadline ON reports (assignee, deadline, id);
        CREATE INDEX ix_reports_host_received ON reports (model_host, received_at, id, status);
        CREATE INDEX ix_reports_host_deadline ON reports (model_host, deadline, id);
        CREATE INDEX ix_reports_model_received ON reports (model_id, received_at, id, status);
        CREATE INDEX ix_reports_model_deadline ON reports (model_id, deadline, id);
        CREATE INDEX ix_reports_received ON reports (received_at DESC, id DESC);
        CREATE INDEX ix_reports_deadline ON reports (deadline, id);
        CREATE INDEX ix_reports_overdue ON reports (deadline, id) WHERE status IN ('received', 'triaging', 'needs_info');
        CREATE INDEX ix_reports_contact_closed ON reports (contact_closed_at) WHERE contact_closed_at IS NOT NULL;
        CREATE UNIQUE INDEX ux_reports_search_rowid ON reports (search_rowid);
        CREATE INDEX ix_reports_unanswered ON reports (unanswered_since) WHERE unanswered_since IS NOT NULL;
        CREATE INDEX ix_reports_disclosed ON reports (disclosed_at DESC, id DESC) WHERE disclosed_at IS NOT NULL;
        CREATE VIRTUAL TABLE reports_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE reports_fts_terms USING fts5vocab(reports_fts, 'row');
        CREATE TABLE report_counts (
            status TEXT NOT NULL,
            category TEXT NOT NULL,
            severity TEXT NOT NULL,
            model_host TEXT NOT NULL,
            assignee TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (status, category, severity, model_host, assignee)
        ) WITHOUT ROWID;
        CREATE TRIGGER tr_reports_count_insert AFTER INSERT ON reports BEGIN
            INSERT INTO report_counts (status, category, severity, model_host, assignee, n)
                VALUES (new.status, new.category, coalesce(new.severity, ''), new.model_host, coalesce(new.assignee, ''), 1)
                ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER tr_reports_count_delete AFTER DELETE ON reports BEGIN
            UPDATE report_counts SET n = n - 1
                WHERE (status, category, severity, model_host, assignee) = (old.status, old.category, coalesce(old.severity, ''), old.model_host, coalesce(old.assignee, ''));
        END;
        CREATE TRIGGER tr_reports_count_update AFTER UPDATE OF status, category, severity, model_host, assignee ON reports
            WHEN (old.status, old.category, coalesce(old.severity, ''), old.model_host, coalesce(old.assignee, ''))
                IS NOT (new.status, new.category, coalesce(new.severity, ''), new.model_host, coalesce(new.assignee, ''))
        BEGIN
            UPDATE report_counts SET n = n - 1
                WHERE (status, category, severity, model_host, assignee) = (old.status, old.category, coalesce(old.severity, ''), old.model_host, coalesce(old.assignee, ''));
            INSERT INTO report_counts (status, category, severity, model_host, assignee, n)
                VALUES (new.status, new.category, coalesce(new.severity, ''), new.model_host, coalesce(new.assignee, ''), 1)
                ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        INSERT INTO triage_meta (key, value) VALUES ('counts', '1'), ('search', '1'), ('disclosure', '1'), ('closed_at', '1');
        """;
}
