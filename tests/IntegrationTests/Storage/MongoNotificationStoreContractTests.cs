using SafetyReports.Notification.Storage;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>Runs when <c>MONGODB_URI</c> names a replica set; skipped, with the reason, otherwise.</summary>
public sealed class MongoNotificationStoreContractTests : NotificationStoreContractTests
{
    private MongoTestDatabase? _database;

    protected override Task<INotificationStore> CreateStoreAsync()
    {
        _database = MongoTestDatabase.Create();
        return Task.FromResult<INotificationStore>(new MongoNotificationStore(_database.Database));
    }

    /// <summary>A second store instance on the same database: what another replica has.</summary>
    protected override Task<INotificationStore> OpenOtherReplicaAsync() =>
        Task.FromResult<INotificationStore>(new MongoNotificationStore((_database ?? throw new InvalidOperationException("No store yet.")).Database));

    protected override async ValueTask DisposeStoreAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
