using Microsoft.Data.Sqlite;

namespace SafetyReports.ServiceDefaults.Storage.Sqlite;

/// <summary>
/// What every SQLite store shares, so that a store states only its tables and queries: one file
/// (<see cref="SqliteDatabase"/>), one writer that commits whatever writes are waiting together (<see cref="SqliteGroupCommit"/>:
/// one fsync for many, and no lock waits between this process's own writers), and the outbox with its quarantine.
/// A write runs in <see cref="WriteAsync{T}"/>; the events it announces are in its transaction, and the outbox
/// dispatcher is woken once that commits.
/// </summary>
public abstract class SqliteStore : IOutboxStore, IStoreHealth, IAsyncDisposable
{
    private readonly SqliteGroupCommit _writes;

    protected SqliteStore(SqliteDatabase database)
    {
        Database = database;
        _writes = new SqliteGroupCommit(database);
    }

    protected SqliteDatabase Database { get; }

    public WorkSignal OutboxSignal { get; } = new();

    /// <summary>
    /// Runs <paramref name="write"/> in the next group commit and returns once it is on disk. A write that throws is
    /// rolled back alone. Cancellation applies only before the write is queued (see <see cref="SqliteGroupCommit.WriteAsync{T}"/>).
    /// </summary>
    protected async Task<T> WriteAsync<T>(Func<SqliteWrite, Task<T>> write, CancellationToken cancellationToken)
    {
        SqliteWrite? committed = null;
        var result = await _writes.WriteAsync(async (connection, transaction) =>
        {
            var unit = new SqliteWrite(connection, transaction);
            var value = await write(unit);
            committed = unit;
            return value;
        }, cancellationToken);
        if (committed is { Announced: true })
        {
            OutboxSignal.Notify();
        }

        return result;
    }

    protected Task WriteAsync(Func<SqliteWrite, Task> write, CancellationToken cancellationToken) =>
        WriteAsync(async unit =>
        {
            await write(unit);
            return true;
        }, cancellationToken);

    /// <summary>A read on its own pooled connection, outside any write.</summary>
    protected Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters) =>
        Database.ReadAsync(c => c.QueryAsync(sql, map, null, parameters));

    protected async Task<T?> QueryFirstAsync<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
        where T : class =>
        (await QueryAsync(sql, map, parameters)).FirstOrDefault();

    public Task<IReadOnlyList<OutboxMessage>> PeekOutboxAsync(int max, CancellationToken cancellationToken) =>
        SqliteOutbox.PeekAsync(Database, max);

    public Task RemoveFromOutboxAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        SqliteOutbox.RemoveAsync(_writes, ids, cancellationToken);

    public Task QuarantineOutboxAsync(Guid id, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        SqliteOutbox.QuarantineAsync(_writes, id, reason, at, cancellationToken);

    public async Task<IReadOnlyDictionary<string, long>> CountQuarantinedAsync(CancellationToken cancellationToken) =>
        QuarantineCounts.Of(await SqliteOutbox.CountQuarantinedAsync(Database), [.. await CountSetAsideAsync(cancellationToken)]);

    /// <summary>What the store sets aside besides outbox rows (<see cref="IQuarantineCounts"/>), by kind; nothing by default.</summary>
    protected virtual Task<IReadOnlyList<(string Kind, long Count)>> CountSetAsideAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(string Kind, long Count)>>([]);

    public Task PingAsync(CancellationToken cancellationToken) => Database.PingAsync(cancellationToken);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _writes.DisposeAsync();
    }
}
