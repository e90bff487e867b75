using Microsoft.Data.Sqlite;

namespace SafetyReports.ServiceDefaults.Storage;

/// <summary>
/// One SQLite file in WAL mode. Each operation opens its own pooled connection; writes run in
/// IMMEDIATE transactions so concurrent writers queue on the busy timeout instead of deadlocking.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

    public SqliteDatabase(string path, string schema)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
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
        Execute(connection, schema);
    }

    public string Path { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // synchronous=FULL: a commit is on disk before we answer 202 or acknowledge a message.
        Execute(connection, "PRAGMA busy_timeout=30000; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
        return connection;
    }

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read)
    {
        await using var connection = Open();
        return await read(connection);
    }

    /// <summary>Runs <paramref name="write"/> in one IMMEDIATE transaction and commits it, synced to disk.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken) =>
        WriteAsync(write, durable: true, cancellationToken);

    /// <summary>
    /// A write that may be lost on power failure without harm: bookkeeping that is redone when it is
    /// missing (a hand-over schedule, a confirmation that is sent again, an outbox row published again).
    /// In WAL mode with <c>synchronous=NORMAL</c> the commit skips its fsync and stays atomic and
    /// consistent; the next checkpoint makes it durable. Every 202 and every state change stays FULL.
    /// </summary>
    public Task<T> WriteBookkeepingAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken) =>
        WriteAsync(write, durable: false, cancellationToken);

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, bool durable, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        if (!durable)
        {
            // Per connection; Open() sets FULL again when the pooled connection is reused.
            Execute(connection, "PRAGMA synchronous=NORMAL;");
        }

        await using var transaction = connection.BeginTransaction(deferred: false);
        var result = await write(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
