using SafetyReports.Notification.Storage;

namespace SafetyReports.IntegrationTests.Storage;

public sealed class SqliteNotificationStoreContractTests : NotificationStoreContractTests
{
    private readonly TempSqliteFile _file = new(NotificationStoreFactory.SqliteFileName);

    private readonly List<SqliteNotificationStore> _opened = [];

    protected override Task<INotificationStore> CreateStoreAsync() => OpenOtherReplicaAsync();

    /// <summary>A second store instance on the same file: what another replica sharing the file has.</summary>
    protected override Task<INotificationStore> OpenOtherReplicaAsync()
    {
        var store = new SqliteNotificationStore(_file.Path);
        _opened.Add(store);
        return Task.FromResult<INotificationStore>(store);
    }

    protected override async ValueTask DisposeStoreAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        _file.Dispose();
    }
}
