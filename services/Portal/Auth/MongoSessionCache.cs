using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Portal.Auth;

/// <summary>
/// The portal's sessions in MongoDB when the stores are MongoDB, so every replica sees every session and a
/// restart does not end them; behaves as <see cref="SqliteSessionCache"/> does (the contract tests hold both to it).
/// </summary>
public sealed class MongoSessionCache : ISessionCache
{
    public const string DatabaseName = "safetyreports-portal";
    public const string CollectionName = "sessions";

    private readonly IMongoDatabase _database;
    private readonly IMongoCollection<MongoSessionDocument> _sessions;
    private readonly TimeProvider _clock;
    private readonly MongoStoreSetup _setup;

    public MongoSessionCache(IMongoDatabase database, TimeProvider clock)
    {
        _database = database;
        _sessions = database.GetCollection<MongoSessionDocument>(CollectionName);
        _clock = clock;
        _setup = new MongoStoreSetup(ct => MongoSessionFilters.Migrations.RunAsync(database, ct));
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        await _database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
    }

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        var document = await FindLiveAsync(key, token);
        return document?.Value;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        var document = MongoSessionDocument.From(key, value, SessionEntryExpiry.Of(options, _clock.GetUtcNow()));
        await _setup.EnsureAsync(token);
        await _sessions.ReplaceOneAsync(d => d.Key == key, document, new ReplaceOptions { IsUpsert = true }, token);
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public Task RefreshAsync(string key, CancellationToken token = default) => FindLiveAsync(key, token);

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await _setup.EnsureAsync(token);
        await _sessions.DeleteOneAsync(d => d.Key == key, token);
    }

    /// <summary>Reads a live entry and, when it slides, moves its expiry on.</summary>
    private async Task<MongoSessionDocument?> FindLiveAsync(string key, CancellationToken token)
    {
        await _setup.EnsureAsync(token);
        var now = _clock.GetUtcNow();
        var document = await _sessions.Find(MongoSessionFilters.Live(key, now)).FirstOrDefaultAsync(token);
        if (document?.SlidingMs is not null)
        {
            await _sessions.UpdateOneAsync(
                MongoSessionFilters.LiveAsRead(document, now), MongoSessionFilters.Slide(document.Expiry.SlidAt(now)), cancellationToken: token);
        }

        return document;
    }
}
