using Microsoft.Data.Sqlite;

namespace SafetyReports.ServiceDefaults.Storage.Sqlite;

/// <summary>
/// One write inside a SQLite store's transaction (<see cref="SqliteStore.WriteAsync{T}"/>): its statements, and the events
/// it appends to the outbox in the same transaction. The store wakes its outbox dispatcher once the transaction commits.
/// </summary>
public sealed class SqliteWrite(SqliteConnection connection, SqliteTransaction transaction)
{
    public SqliteConnection Connection => connection;

    public SqliteTransaction Transaction => transaction;

    /// <summary>Whether this write appended events to the outbox.</summary>
    internal bool Announced { get; private set; }

    public Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters) =>
        connection.ExecuteAsync(sql, transaction, parameters);

    /// <summary>
    /// Runs a statement whose <c>WHERE</c> checks what the caller expects (a version, a lease, a state not yet reached):
    /// true when it changed the one row it names, false when that row moved on or does not exist.
    /// </summary>
    public async Task<bool> ChangesOneAsync(string sql, params (string Name, object? Value)[] parameters) =>
        await ExecuteAsync(sql, parameters) == 1;

    public Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters) =>
        connection.QueryAsync(sql, map, transaction, parameters);

    /// <summary>Appends the event, if there is one, to the outbox in this transaction.</summary>
    public Task AnnounceAsync(OutboxMessage? message) => message is null ? Task.CompletedTask : AnnounceAsync([message]);

    /// <summary>Appends the events to the outbox in this transaction, in order.</summary>
    public async Task AnnounceAsync(IReadOnlyCollection<OutboxMessage> messages)
    {
        foreach (var message in messages)
        {
            await SqliteOutbox.AddAsync(connection, transaction, message);
            Announced = true;
        }
    }
}
