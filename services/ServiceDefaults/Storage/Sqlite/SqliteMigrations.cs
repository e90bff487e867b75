using Microsoft.Data.Sqlite;

namespace SafetyReports.ServiceDefaults.Storage.Sqlite;

/// <summary>
/// A store's SQLite schema as an ordered list of migrations, and what brings a file up to date at start. The file's journal
/// (<c>schema_migrations</c>: version, name, time applied) says which steps it has; the missing ones run in version order
/// and are recorded, all in one <c>BEGIN IMMEDIATE</c> transaction. That transaction holds the file's write lock, so when
/// several processes (replicas on one file, two stores in one process) open the same file at once, one migrates and the
/// others wait for it and then find nothing to do; a step that fails rolls the whole start back.
/// </summary>
/// <remarks>
/// A file that has the store's tables but no journal was made before the journal existed: the first step is the schema of the
/// release before it, so such a file is adopted (<see cref="SqlitePreJournalFile"/>) and the steps it already has are recorded
/// as found instead of run. A file whose journal holds a version this code does not know was upgraded by a newer release:
/// the start stops with an error naming the versions and changes nothing, since this code cannot know what they changed;
/// going back to an older release means restoring the backup taken before the upgrade.
/// </remarks>
public sealed class SqliteMigrations
{
    public const string JournalTable = "schema_migrations";

    private const string Journal = $"""
        CREATE TABLE IF NOT EXISTS {JournalTable} (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at INTEGER NOT NULL
        );
        """;

    /// <param name="steps">Versions 1, 2, 3… in order; version 1 is the schema of the release before the journal.</param>
    /// <param name="beforeJournal">
    /// What a file from before the journal may still need once it has every table, column and index of version 1: the
    /// backfills the earlier releases ran at start (see <see cref="SqliteCatchUp"/> for what was just added).
    /// </param>
    public SqliteMigrations(IReadOnlyList<SqliteMigration> steps, Action<SqliteConnection, SqliteTransaction, SqliteCatchUp>? beforeJournal = null)
    {
        SchemaVersions.CheckOrder([.. steps.Select(s => (s.Version, s.Name))], nameof(steps));
        Steps = steps;
        BeforeJournal = beforeJournal;
    }

    public IReadOnlyList<SqliteMigration> Steps { get; }

    public Action<SqliteConnection, SqliteTransaction, SqliteCatchUp>? BeforeJournal { get; }

    /// <summary>The schema of a single script, for a file no release has shipped yet (tests, tools).</summary>
    public static SqliteMigrations Of(string name, string sql) => new([SqliteMigration.Sql(1, name, sql)]);

    /// <summary>Brings the file on <paramref name="connection"/> up to date, under its write lock.</summary>
    /// <param name="atEveryStart">Runs after the migrations in the same transaction: data derived from configuration, which a start may have to recompute.</param>
    public SqliteMigrationRun Run(SqliteConnection connection, Action<SqliteConnection, SqliteTransaction>? atEveryStart = null, TimeProvider? clock = null)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        connection.Execute(transaction, Journal);
        var recorded = RecordedVersions(connection, transaction);
        SchemaVersions.RefuseNewer(connection.DataSource, recorded, [.. Steps.Select(s => (s.Version, s.Name))]);
        IReadOnlyList<int> found = recorded.Count == 0 && !SqliteSchemaShape.Read(connection, transaction).IsEmpty
            ? SqlitePreJournalFile.Adopt(connection, transaction, this)
            : [];
        var now = (clock ?? TimeProvider.System).GetUtcNow().ToUnixMs();
        foreach (var version in found)
        {
            Record(connection, transaction, Steps[version - 1], now);
        }

        var applied = new List<int>();
        foreach (var step in Steps.Where(s => !recorded.Contains(s.Version) && !found.Contains(s.Version)))
        {
            step.Apply(connection, transaction);
            Record(connection, transaction, step, now);
            applied.Add(step.Version);
        }

        atEveryStart?.Invoke(connection, transaction);
        transaction.Commit();
        return new SqliteMigrationRun(found, applied);
    }

    /// <summary>The journal's rows in version order: (version, name, applied at in Unix ms).</summary>
    public static IReadOnlyList<(int Version, string Name, long AppliedAt)> ReadJournal(SqliteConnection connection) =>
        connection.Query(null, $"SELECT version, name, applied_at FROM {JournalTable} ORDER BY version",
            r => ((int)r.GetInt64(0), r.GetString(1), r.GetInt64(2)));

    private static HashSet<int> RecordedVersions(SqliteConnection connection, SqliteTransaction transaction) =>
        [.. connection.Query(transaction, $"SELECT version FROM {JournalTable}", r => (int)r.GetInt64(0))];

    private static void Record(SqliteConnection connection, SqliteTransaction transaction, SqliteMigration step, long now) =>
        connection.Execute(transaction, $"INSERT INTO {JournalTable} (version, name, applied_at) VALUES ($version, $name, $at)",
            ("$version", step.Version), ("$name", step.Name), ("$at", now));
}
