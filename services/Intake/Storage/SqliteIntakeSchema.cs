using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Intake.Storage;

/// <summary>
/// Intake's SQLite schema as its migrations (<see cref="SqliteMigrations"/>): version 1 is the schema of the release of
/// 2026-11-29, the last before the journal; each later step is one change since. A released step never changes.
/// </summary>
public static class SqliteIntakeSchema
{
    public static SqliteMigrations Migrations { get; } = new(
    [
        SqliteMigration.Sql(1, "release of 2026-11-29", """
            CREATE TABLE submissions (
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
            CREATE INDEX ix_submissions_handover ON submissions (next_handover_at) WHERE handed_over_at IS NULL;
            CREATE TABLE idempotency (
                key_hash TEXT PRIMARY KEY,
                request_hash TEXT NOT NULL,
                report_id TEXT NOT NULL,
                protected_response TEXT NOT NULL,
                created_at INTEGER NOT NULL
            );
            CREATE INDEX ix_idempotency_created ON idempotency (created_at);
            CREATE TABLE used_challenges (
                challenge_hash TEXT PRIMARY KEY,
                expires_at INTEGER NOT NULL
            );
            CREATE INDEX ix_used_challenges_expiry ON used_challenges (expires_at);
            """ + SqliteOutbox.Table),
        SqliteMigration.Sql(2, "host responses and contests on receipts", """
            ALTER TABLE submissions ADD COLUMN host_response TEXT;
            ALTER TABLE submissions ADD COLUMN contests TEXT NOT NULL DEFAULT '[]';
            """),
        // The quarantined submissions are few and counted by every readiness probe: a partial index holds just them.
        SqliteMigration.Sql(3, "quarantine for unreadable submissions and outbox rows", """
            ALTER TABLE submissions ADD COLUMN quarantined_at INTEGER;
            ALTER TABLE submissions ADD COLUMN quarantine_reason TEXT;
            CREATE INDEX ix_submissions_quarantined ON submissions (quarantined_at) WHERE quarantined_at IS NOT NULL;
            """ + SqliteOutbox.QuarantineTable),
        SqliteMigration.Sql(4, "secrets kept by the store (the idempotency scope's key)", """
            CREATE TABLE secrets (
                name TEXT PRIMARY KEY,
                protected_secret TEXT NOT NULL
            );
            """),
        // The bytes in a table of their own, written in the submission's transaction (a 202 follows its commit, so the
        // files are on disk with the row, and a crash leaves both or neither); their records on the submission's row,
        // which the receipt reads, and which outlive the bytes once Triage has them.
        SqliteMigration.Sql(5, "evidence files stored with their submission", """
            ALTER TABLE submissions ADD COLUMN evidence_files TEXT NOT NULL DEFAULT '[]';
            CREATE TABLE evidence_files (
                id TEXT PRIMARY KEY,
                report_id TEXT NOT NULL,
                content BLOB NOT NULL
            );
            CREATE INDEX ix_evidence_files_report ON evidence_files (report_id);
            """),
    ]);

    public static SqliteDatabase Open(string path) =>
        // secure_delete: a dropped payload, an erased contact or a purged record is zeroed in the file, not left in free pages.
        new(path, Migrations, " PRAGMA secure_delete=ON;");
}
