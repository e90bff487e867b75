using SafetyReports.Notification.Storage;

namespace SafetyReports.IntegrationTests.Storage;

public sealed class SqliteNotificationStoreContractTests : NotificationStoreContractTests
{
    private readonly TempSqliteFile _file = new(NotificationStoreFactory.SqliteFileName);

    protected override Task<INotificationStore> CreateStoreAsync() =>
        Task.FromResult<INotificationStore>(new SqliteNotificationStore(_file.Path));

    protected override ValueTask DisposeStoreAsync()
    {
        _file.Dispose();
        return ValueTask.CompletedTask;
    }
}
