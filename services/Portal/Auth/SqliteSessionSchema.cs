using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Portal.Auth;

/// <summary>
/// The portal's session file as its migrations (<see cref="SqliteMigrations"/>): version 1 is the schema of the release of
/// 2026-11-29, the last before the journal. A released step never changes; a change is a new step.
/// </summary>
public static class SqliteSessionSchema
{
    public static SqliteMigrations Migrations { get; } = new(
    [
        SqliteMigration.Sql(1, "release of 2026-11-29", """
            CREATE TABLE sessions (
                key TEXT PRIMARY KEY, value BLOB NOT NULL, expires_at INTEGER NOT NULL, sliding_ms INTEGER, absolute_at INTEGER
            ) WITHOUT ROWID;
            CREATE INDEX ix_sessions_expires ON sessions (expires_at);
            """),
    ]);
}
