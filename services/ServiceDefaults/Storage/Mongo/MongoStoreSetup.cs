using MongoDB.Driver;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>
/// Creates a store's collections, indexes and seed documents once, before its first operation. The store
/// can be constructed while MongoDB is down: setup is tried again on the next call until it succeeds,
/// and the readiness check (which pings through the store) reports the failure meanwhile.
/// </summary>
public sealed class MongoStoreSetup(Func<CancellationToken, Task> setup)
{
    private const int NamespaceExists = 48;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    /// <summary>
    /// Creates the collections a store writes inside transactions before any transaction runs: a
    /// transaction may not create one on a cross-shard write or on servers before 4.4.
    /// </summary>
    public static async Task CreateCollectionsAsync(IMongoDatabase database, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        using var cursor = await database.ListCollectionNamesAsync(cancellationToken: cancellationToken);
        var existing = (await cursor.ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in names.Where(n => !existing.Contains(n)))
        {
            try
            {
                await database.CreateCollectionAsync(name, cancellationToken: cancellationToken);
            }
            catch (MongoCommandException ex) when (ex.Code == NamespaceExists)
            {
                // Another instance of the service created it meanwhile.
            }
        }
    }

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_done)
            {
                await setup(cancellationToken);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
