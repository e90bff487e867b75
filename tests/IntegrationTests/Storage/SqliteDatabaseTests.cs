using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.IntegrationTests.Storage;

public class SqliteDatabaseTests
{
    private const long Full = 2;
    private const long Normal = 1;

    [Fact]
    public async Task Bookkeeping_writes_skip_the_fsync_and_every_other_connection_syncs_fully()
    {
        using var directory = new Infrastructure.TempDirectory("sqlite-database");
        var database = new SqliteDatabase(Path.Combine(directory.Path, "test.db"), "CREATE TABLE IF NOT EXISTS t (v INTEGER);");
        var ct = TestContext.Current.CancellationToken;

        var duringBookkeeping = await database.WriteBookkeepingAsync(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO t (v) VALUES (1)", t);
            return (long)(await c.Command("PRAGMA synchronous", t).ExecuteScalarAsync(ct))!;
        }, ct);
        var afterwards = await database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO t (v) VALUES (2)", t);
            return (long)(await c.Command("PRAGMA synchronous", t).ExecuteScalarAsync(ct))!;
        }, ct);

        Assert.Equal(Normal, duringBookkeeping);
        Assert.Equal(Full, afterwards);
        Assert.Equal(2L, await database.ReadAsync(async c => (long)(await c.Command("SELECT COUNT(*) FROM t").ExecuteScalarAsync(ct))!));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
