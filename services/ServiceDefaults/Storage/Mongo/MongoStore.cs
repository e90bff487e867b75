using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>
/// What every MongoDB store shares, so that a store states only its documents, indexes and queries: its collections and
/// indexes made once before the first operation (<see cref="SetUpAsync"/>, through <see cref="MongoStoreSetup"/>), transactions
/// that retry a conflict (<see cref="MongoTransactions"/>), and the outbox with its quarantine. A write that changes several
/// documents, or a state and its event, runs in <see cref="InTransactionAsync{T}"/>; the events it announces are in that
/// transaction, and the outbox dispatcher is woken once it commits.
/// </summary>
public abstract class MongoStore : IOutboxStore, IStoreHealth
{
    private readonly MongoStoreSetup _setup;
    private readonly MongoOutbox _outbox;

    protected MongoStore(IMongoDatabase database)
    {
        Database = database;
        _outbox = new MongoOutbox(database);
        _setup = new MongoStoreSetup(SetUpAsync);
    }

    protected IMongoDatabase Database { get; }

    public WorkSignal OutboxSignal { get; } = new();

    /// <summary>
    /// Creates the store's collections, indexes and seed documents; idempotent. Runs once, before the store's first operation
    /// (again on the next one if it failed), so it must not call <see cref="EnsureSetUpAsync"/> or <see cref="InTransactionAsync{T}"/>.
    /// </summary>
    protected abstract Task SetUpAsync(CancellationToken cancellationToken);

    /// <summary>Every operation starts here: the store's collections and indexes exist from then on.</summary>
    protected Task EnsureSetUpAsync(CancellationToken cancellationToken) => _setup.EnsureAsync(cancellationToken);

    /// <summary>
    /// Applies <paramref name="update"/> to the one document <paramref name="filter"/> finds, the filter checking what the caller
    /// expects (a secret, a lease, a state): true when it found it, changed or not (as SQLite's change count, see
    /// <see cref="SqliteWrite.ChangesOneAsync"/>), false when that document moved on or does not exist.
    /// </summary>
    protected async Task<bool> UpdatesOneAsync<TDocument>(
        IMongoCollection<TDocument> collection, FilterDefinition<TDocument> filter, UpdateDefinition<TDocument> update, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var result = await collection.UpdateOneAsync(filter, update, cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction. A conflict (the driver's transient errors, or a
    /// <see cref="MongoConflictException"/> from a compare-and-swap) runs it again, so it must only read and write through its session.
    /// </summary>
    protected async Task<T> InTransactionAsync<T>(Func<MongoWrite, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        MongoWrite? committed = null;
        var result = await MongoTransactions.RunAsync(Database.Client, async (session, ct) =>
        {
            var attempt = new MongoWrite(session, _outbox, ct);
            var value = await work(attempt);
            committed = attempt;
            return value;
        }, cancellationToken);
        if (committed is { Announced: true })
        {
            OutboxSignal.Notify();
        }

        return result;
    }

    protected Task InTransactionAsync(Func<MongoWrite, Task> work, CancellationToken cancellationToken) =>
        InTransactionAsync(async attempt =>
        {
            await work(attempt);
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<OutboxMessage>> PeekOutboxAsync(int max, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await _outbox.PeekAsync(max, cancellationToken);
    }

    public async Task RemoveFromOutboxAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        await _outbox.RemoveAsync(ids, cancellationToken);
    }

    public async Task QuarantineOutboxAsync(Guid id, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        await _outbox.QuarantineAsync(id, reason, at, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, long>> CountQuarantinedAsync(CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return QuarantineCounts.Of(await _outbox.CountQuarantinedAsync(cancellationToken), [.. await CountSetAsideAsync(cancellationToken)]);
    }

    /// <summary>What the store sets aside besides outbox rows (<see cref="IQuarantineCounts"/>), by kind; nothing by default.</summary>
    protected virtual Task<IReadOnlyList<(string Kind, long Count)>> CountSetAsideAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(string Kind, long Count)>>([]);

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        await Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
    }
}
