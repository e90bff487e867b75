using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Email;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>The mail outbox collection (<see cref="IMailOutboxStore"/>) of a MongoDB store that sends mail, as SQLite's <c>mail_outbox</c>.</summary>
public sealed class MongoMailOutbox(IMongoDatabase database)
{
    public const string CollectionName = "mailOutbox";

    private readonly IMongoCollection<MongoMailDocument> _collection = database.GetCollection<MongoMailDocument>(CollectionName);

    private static FilterDefinitionBuilder<MongoMailDocument> Filter => Builders<MongoMailDocument>.Filter;

    /// <summary>Unsent mails by due time, as SQLite's partial index.</summary>
    public static IReadOnlyList<CreateIndexModel<MongoMailDocument>> Indexes { get; } =
    [
        new(Builders<MongoMailDocument>.IndexKeys.Ascending(d => d.DueAt),
            new CreateIndexOptions<MongoMailDocument> { Name = "ix_mail_outbox_due", PartialFilterExpression = Filter.Exists(d => d.Mail) }),
    ];

    /// <summary>Sent mails by when, for pruning, as SQLite's partial index (a later migration step of each store that sends mail).</summary>
    public static IReadOnlyList<CreateIndexModel<MongoMailDocument>> SentIndexes { get; } =
    [
        new(Builders<MongoMailDocument>.IndexKeys.Ascending(d => d.SentAt),
            new CreateIndexOptions<MongoMailDocument> { Name = "ix_mail_outbox_sent", PartialFilterExpression = Filter.Type(d => d.SentAt, MongoDB.Bson.BsonType.DateTime) }),
    ];

    public Task CreateSentIndexAsync(CancellationToken cancellationToken) => _collection.Indexes.CreateManyAsync(SentIndexes, cancellationToken);

    public static FilterDefinition<MongoMailDocument> Due(DateTimeOffset now) =>
        Filter.Exists(d => d.Mail) & Filter.Eq(d => d.SentAt, null) & Filter.Lte(d => d.DueAt, now);

    public static FilterDefinition<MongoMailDocument> Unsent(Guid id) => Filter.Eq(d => d.Id, id) & Filter.Eq(d => d.SentAt, null);

    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        await MongoStoreSetup.CreateCollectionsAsync(database, [CollectionName], cancellationToken);
        await _collection.Indexes.CreateManyAsync(Indexes, cancellationToken);
    }

    /// <summary>The id is the document's key: a mail queued twice is written once.</summary>
    public async Task<bool> QueueAsync(QueuedMail mail, CancellationToken cancellationToken)
    {
        try
        {
            await _collection.InsertOneAsync(MongoMailDocument.From(mail), cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<QueuedMail>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        (await _collection.Find(Due(now)).SortBy(d => d.DueAt).Limit(max).ToListAsync(cancellationToken)).Select(d => d.ToQueued()).ToList();

    public Task SentAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) =>
        _collection.UpdateOneAsync(Unsent(id),
            Builders<MongoMailDocument>.Update.Unset(d => d.Mail).Set(d => d.SentAt, at.UtcDateTime), cancellationToken: cancellationToken);

    public Task FailedAsync(Guid id, int failures, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        _collection.UpdateOneAsync(Unsent(id),
            Builders<MongoMailDocument>.Update.Set(d => d.Failures, failures).Set(d => d.DueAt, dueAt), cancellationToken: cancellationToken);

    public async Task<int> PruneAsync(DateTimeOffset sentBefore, int max, CancellationToken cancellationToken)
    {
        var ids = await _collection.Find(Filter.Type(d => d.SentAt, MongoDB.Bson.BsonType.DateTime) & Filter.Lt(d => d.SentAt, sentBefore.UtcDateTime))
            .SortBy(d => d.SentAt).Limit(max).Project(d => d.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        return (int)(await _collection.DeleteManyAsync(Filter.In(d => d.Id, ids), cancellationToken)).DeletedCount;
    }
}
