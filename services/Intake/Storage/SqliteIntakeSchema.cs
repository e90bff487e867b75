using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Intake.Storage;

/// <summary>Intake's SQLite schema; a database made by an earlier version gets the columns added since and keeps its rows.</summary>
public static class SqliteIntakeSchema
{
    public const string Tables = """
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
        """ + SqliteOutbox.Schema;

    /// <summary>Columns of <c>submissions</c> added after the first release.</summary>
    public static readonly IReadOnlyList<(string Column, string Definition)> AddedColumns =
    [
        ("host_response", "TEXT"),
        ("contests", "TEXT NOT NULL DEFAULT '[]'"),
        ("quarantined_at", "INTEGER"),
        ("quarantine_reason", "TEXT"),
    ];

    /// <summary>Indexes over added columns: the quarantined submissions, few, counted by every readiness probe.</summary>
    private const string AddedIndexes =
        "CREATE INDEX IF NOT EXISTS ix_submissions_quarantined ON submissions (quarantined_at) WHERE quarantined_at IS NOT NULL;";

    public static SqliteDatabase Open(string path)
    {
        // secure_delete: a dropped payload, an erased contact or a purged record is zeroed in the file, not left in free pages.
        var database = new SqliteDatabase(path, Tables, " PRAGMA secure_delete=ON;");
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        SqliteAddedColumns.Add(connection, transaction, "submissions", AddedColumns);
        using (var index = connection.Command(AddedIndexes, transaction))
        {
            index.ExecuteNonQuery();
        }

        transaction.Commit();
        return database;
    }
}
