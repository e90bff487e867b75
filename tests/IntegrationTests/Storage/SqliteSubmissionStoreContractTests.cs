using SafetyReports.Intake.Storage;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.IntegrationTests.Storage;

public sealed class SqliteSubmissionStoreContractTests : SubmissionStoreContractTests
{
    private readonly TempSqliteFile _file = new(SubmissionStoreFactory.SqliteFileName);

    protected override Task<ISubmissionStore> CreateStoreAsync() =>
        Task.FromResult<ISubmissionStore>(new SqliteSubmissionStore(_file.Path));

    protected override async Task<bool> HasPayloadAsync(Guid id)
    {
        await using var connection = _file.Open();
        var rows = await connection.QueryAsync(
            "SELECT payload IS NOT NULL FROM submissions WHERE id = $id", r => r.GetInt64(0) == 1, null, ("$id", id.ToString()));
        return Assert.Single(rows);
    }

    protected override async Task CorruptPayloadAsync(Guid id)
    {
        await using var connection = _file.Open();
        await connection.ExecuteAsync("UPDATE submissions SET payload = '{\"reportId\": ' WHERE id = $id", null, ("$id", id.ToString()));
    }

    protected override ValueTask DisposeStoreAsync()
    {
        _file.Dispose();
        return ValueTask.CompletedTask;
    }
}
