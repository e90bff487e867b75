using Microsoft.Extensions.Caching.Distributed;
using SafetyReports.Portal.Auth;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>Runs when <c>MONGODB_URI</c> names a server; skipped, with the reason, otherwise.</summary>
public sealed class MongoSessionCacheContractTests : SessionCacheContractTests
{
    private MongoTestDatabase? _database;

    protected override IDistributedCache OpenCache()
    {
        _database ??= MongoTestDatabase.Create();
        return new MongoSessionCache(_database.Database, Clock);
    }

    protected override async ValueTask DisposeStoreAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
