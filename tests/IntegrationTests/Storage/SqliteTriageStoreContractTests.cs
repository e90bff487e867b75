using SafetyReports.Triage.Storage;

namespace SafetyReports.IntegrationTests.Storage;

public sealed class SqliteTriageStoreContractTests : TriageStoreContractTests
{
    private readonly TempSqliteFile _file = new(TriageStoreFactory.SqliteFileName);

    protected override Task<ITriageStore> CreateStoreAsync() => Task.FromResult<ITriageStore>(new SqliteTriageStore(_file.Path));

    protected override ValueTask DisposeStoreAsync()
    {
        _file.Dispose();
        return ValueTask.CompletedTask;
    }
}
