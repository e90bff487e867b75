using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.IntegrationTests.Storage;

public class SqliteDatabaseTests
{
    private const long Full = 2;

    [Fact]
    public async Task Every_write_syncs_fully()
    {
        using var directory = new Infrastructure.TempDirectory("sqlite-database");
        var database = new SqliteDatabase(Path.Combine(directory.Path, "test.db"), SqliteMigrations.Of("test table", "CREATE TABLE t (v INTEGER);"));
        await using var writes = new SqliteGroupCommit(database);
        var ct = TestContext.Current.CancellationToken;

        var duringWrite = await writes.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO t (v) VALUES (2)", t);
            return (long)(await c.Command("PRAGMA synchronous", t).ExecuteScalarAsync(ct))!;
        }, ct);

        Assert.Equal(Full, duringWrite);
        Assert.Equal(1L, await database.ReadAsync(async c => (long)(await c.Command("SELECT COUNT(*) FROM t").ExecuteScalarAsync(ct))!));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
