using MongoDB.Driver;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>The outbox collection every MongoDB store shares the shape of; rows are added inside the caller's transaction.</summary>
public sealed class MongoOutbox(IMongoDatabase database)
{
    public const string CollectionName = "outbox";
    public const string QuarantineCollectionName = "outboxQuarantine";

    private readonly IMongoCollection<MongoOutboxDocument> _collection = database.GetCollection<MongoOutboxDocument>(CollectionName);
    private readonly IMongoCollection<MongoQuarantinedOutboxDocument> _quarantine =
        database.GetCollection<MongoQuarantinedOutboxDocument>(QuarantineCollectionName);

    /// <summary>A message id is written once, as SQLite's UNIQUE column enforces.</summary>
    public static IReadOnlyList<CreateIndexModel<MongoOutboxDocument>> Indexes { get; } =
    [
        new(Builders<MongoOutboxDocument>.IndexKeys.Ascending(d => d.MessageId),
            new CreateIndexOptions { Name = "ux_outbox_message_id", Unique = true }),
    ];

    /// <summary>
    /// The outbox as the dispatcher reads it: with majority read concern, so only rows of a transaction a majority of the
    /// replica set has committed are published. The default (local) could publish an event whose change a fail-over then
    /// rolls back.
    /// </summary>
    public IMongoCollection<MongoOutboxDocument> Committed => _collection.WithReadConcern(ReadConcern.Majority);

    public static SortDefinition<MongoOutboxDocument> OldestFirst { get; } = Builders<MongoOutboxDocument>.Sort.Ascending(d => d.Sequence);

    public static FilterDefinition<MongoOutboxDocument> ByMessageIds(IEnumerable<Guid> ids) =>
        Builders<MongoOutboxDocument>.Filter.In(d => d.MessageId, ids);

    public Task CreateIndexesAsync(CancellationToken cancellationToken) =>
        _collection.Indexes.CreateManyAsync(Indexes, cancellationToken);

    public async Task AddAsync(IClientSessionHandle session, IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count > 0)
        {
            await _collection.InsertManyAsync(session, messages.Select(MongoOutboxDocument.From), new InsertManyOptions { IsOrdered = true }, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<OutboxMessage>> PeekAsync(int max, CancellationToken cancellationToken)
    {
        var documents = await Committed.Find(FilterDefinition<MongoOutboxDocument>.Empty)
            .Sort(OldestFirst).Limit(max).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToMessage()).ToList();
    }

    /// <summary>
    /// Copies the row into the quarantine (an upsert by message id), then deletes it from the outbox: after a crash between
    /// the two, the row is quarantined again on the next round, changing nothing. No transaction is needed.
    /// </summary>
    public async Task QuarantineAsync(Guid id, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var row = await Committed.Find(ByMessageIds([id])).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return;
        }

        await _quarantine.ReplaceOneAsync(
            Builders<MongoQuarantinedOutboxDocument>.Filter.Eq(d => d.MessageId, id), MongoQuarantinedOutboxDocument.From(row, reason, at),
            new ReplaceOptions { IsUpsert = true }, cancellationToken);
        await _collection.DeleteManyAsync(ByMessageIds([id]), cancellationToken);
    }

    public Task<long> CountQuarantinedAsync(CancellationToken cancellationToken) =>
        _quarantine.CountDocumentsAsync(FilterDefinition<MongoQuarantinedOutboxDocument>.Empty, cancellationToken: cancellationToken);

    public async Task RemoveAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count > 0)
        {
            await _collection.DeleteManyAsync(ByMessageIds(ids), cancellationToken);
        }
    }
}
