using Microsoft.AspNetCore.DataProtection;
using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.Intake.AntiAbuse;
using SafetyReports.Intake.Storage;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>Runs when <c>MONGODB_URI</c> names a server; skipped, with the reason, otherwise.</summary>
public sealed class MongoRateCounterStoreContractTests : RateCounterStoreContractTests
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "safetyreports-keys-" + Guid.NewGuid().ToString("N"));
    private MongoTestDatabase? _database;

    /// <summary>Each instance has its own provider over one key folder, as replicas sharing a key ring do.</summary>
    protected override IRateCounterStore OpenStore()
    {
        _database ??= MongoTestDatabase.Create();
        var protection = DataProtectionProvider.Create(new DirectoryInfo(_keys), b => b.SetApplicationName("SafetyReports"));
        return new MongoRateCounterStore(_database.Database, protection);
    }

    [Fact]
    public async Task Clients_are_stored_only_as_keyed_hashes_and_the_days_key_only_encrypted()
    {
        var store = OpenStore();
        await store.TryCountAsync("submissions|203.0.113.7", 1, Start, Minute, Ct);

        var counters = await _database!.Database.GetCollection<BsonDocument>(MongoRateCounterStore.CountersCollection).Find(FilterDefinition<BsonDocument>.Empty).ToListAsync(Ct);
        var key = Assert.Single(await _database.Database.GetCollection<BsonDocument>(MongoRateCounterStore.KeysCollection).Find(FilterDefinition<BsonDocument>.Empty).ToListAsync(Ct));
        Assert.DoesNotContain("203.0.113", Assert.Single(counters).ToJson());
        Assert.Equal("2026-11-29", key["_id"].AsString);
        Assert.StartsWith("CfDJ8", key["protectedKey"].AsString);
    }

    protected override async ValueTask DisposeStoreAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }
}
