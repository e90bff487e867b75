using Microsoft.Extensions.Caching.Distributed;
using SafetyReports.Portal.Auth;

namespace SafetyReports.IntegrationTests.Storage;

public sealed class SqliteSessionCacheContractTests : SessionCacheContractTests
{
    private readonly TempSqliteFile _file = new(SqliteSessionCache.FileName);

    protected override IDistributedCache OpenCache() => new SqliteSessionCache(_file.Path, Clock);

    protected override ValueTask DisposeStoreAsync()
    {
        _file.Dispose();
        return ValueTask.CompletedTask;
    }
}
