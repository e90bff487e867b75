using Microsoft.Data.Sqlite;

namespace SafetyReports.ServiceDefaults.Storage.Sqlite;

/// <summary>
/// One SQLite file in WAL mode. Reads open their own pooled connection; writes go through the store's
/// <see cref="SqliteGroupCommit"/>, which commits IMMEDIATE transactions so that writers of other
/// processes queue on the busy timeout instead of deadlocking. Opening it brings the file's schema up to date
/// (<see cref="SqliteMigrations"/>) before anything reads or writes it.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly string _connectionPragmas;

    /// <param name="connectionPragmas">Pragmas of the store's own run on every connection (e.g. <c>PRAGMA secure_delete=ON;</c>).</param>
    /// <param name="atEveryStart">Runs after the migrations, in their transaction: data the store derives from its configuration.</param>
    public SqliteDatabase(string path, SqliteMigrations migrations, string connectionPragmas = "", Action<SqliteConnection, SqliteTransaction>? atEveryStart = null)
    {
        _connectionPragmas = connectionPragmas;
        OwnerOnlyFiles.SqliteDatabase(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        Path = path;

        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Migration = migrations.Run(connection, atEveryStart);
    }

    public string Path { get; }

    /// <summary>What this start did to the file's schema.</summary>
    public SqliteMigrationRun Migration { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // synchronous=FULL: a commit is on disk before we answer 202 or acknowledge a message.
        Execute(connection, "PRAGMA busy_timeout=30000; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;" + _connectionPragmas);
        return connection;
    }

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read)
    {
        await using var connection = Open();
        return await read(connection);
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>
    /// Checkpoints the write-ahead log into the database file and empties it, so that page images written before
    /// (deleted or replaced content) leave the <c>-wal</c> file. Writers wait while it runs; it gives up after
    /// <paramref name="wait"/> for readers to finish, and then says false.
    /// </summary>
    public async Task<bool> TruncateWriteAheadLogAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        Execute(connection, $"PRAGMA busy_timeout={(long)wait.TotalMilliseconds};");
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // One row: busy (1 when it could not finish), log frames, checkpointed frames.
        return await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) == 0;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
