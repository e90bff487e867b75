using SafetyReports.Triage.Storage;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>Runs when <c>MONGODB_URI</c> names a replica set; skipped, with the reason, otherwise.</summary>
public sealed class MongoTriageStoreContractTests : TriageStoreContractTests
{
    private MongoTestDatabase? _database;

    protected override Task<ITriageStore> CreateStoreAsync()
    {
        _database = MongoTestDatabase.Create();
        return Task.FromResult<ITriageStore>(new MongoTriageStore(_database.Database));
    }

    protected override async ValueTask DisposeStoreAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
