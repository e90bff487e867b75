using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using SafetyReports.Triage.Transparency;

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

    /// <summary>A second store instance on the same database, started with its own options.</summary>
    protected override Task<ITriageStore> OpenOtherReplicaAsync(SlaOptions? sla = null, TransparencyOptions? transparency = null) =>
        Task.FromResult<ITriageStore>(new MongoTriageStore((_database ?? throw new InvalidOperationException("No store yet.")).Database, sla, transparency));

    protected override async ValueTask DisposeStoreAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
