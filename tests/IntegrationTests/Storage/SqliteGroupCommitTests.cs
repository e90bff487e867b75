using Microsoft.Data.Sqlite;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.IntegrationTests.Storage;

public sealed class SqliteGroupCommitTests : IAsyncDisposable
{
    private readonly Infrastructure.TempDirectory _directory = new("sqlite-group-commit");
    private readonly SqliteDatabase _database;
    private readonly SqliteGroupCommit _groupCommit;

    public SqliteGroupCommitTests()
    {
        _database = new SqliteDatabase(Path.Combine(_directory.Path, "test.db"), SqliteMigrations.Of("test table", "CREATE TABLE t (v INTEGER PRIMARY KEY);"));
        _groupCommit = new SqliteGroupCommit(_database);
    }

    [Fact]
    public async Task Writes_waiting_behind_a_lock_share_one_commit_and_each_gets_its_own_result()
    {
        var ct = TestContext.Current.CancellationToken;
        Task<long>[] writes;
        // Another writer holds the file's write lock, so every queued write waits for the same release.
        await using (var blocker = _database.Open())
        await using (var lockHolder = blocker.BeginTransaction(deferred: false))
        {
            writes = Enumerable.Range(1, 100).Select(v => _groupCommit.WriteAsync(async (c, t) =>
            {
                await c.ExecuteAsync("INSERT INTO t (v) VALUES ($v)", t, ("$v", v));
                return (long)v * 10;
            }, ct)).ToArray();
            Assert.DoesNotContain(writes, w => w.IsCompleted);
        }

        var results = await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(1, 100).Select(v => (long)v * 10), results);
        Assert.Equal(100L, await CountAsync(ct));
        // The first batch may have taken only the writes queued before it woke; the rest wait together.
        Assert.InRange(_groupCommit.Commits, 1, 2);
    }

    [Fact]
    public async Task A_failing_write_fails_alone_and_leaves_nothing_while_its_batch_commits()
    {
        var ct = TestContext.Current.CancellationToken;
        Task<int> before, failing, after;
        await using (var blocker = _database.Open())
        await using (var lockHolder = blocker.BeginTransaction(deferred: false))
        {
            before = Insert(1, ct);
            failing = _groupCommit.WriteAsync<int>(async (c, t) =>
            {
                await c.ExecuteAsync("INSERT INTO t (v) VALUES (2)", t);
                await c.ExecuteAsync("INSERT INTO t (v) VALUES (1)", t); // primary key taken by the write before
                return 0;
            }, ct);
            after = Insert(3, ct);
        }

        await before;
        await Assert.ThrowsAsync<SqliteException>(() => failing);
        await after;
        var values = await _database.ReadAsync(c => c.QueryAsync("SELECT v FROM t ORDER BY v", r => r.GetInt64(0)));
        Assert.Equal(new List<long> { 1, 3 }, values);
    }

    [Fact]
    public async Task A_completed_write_is_committed_before_the_caller_hears_of_it()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var v = 1; v <= 20; v++)
        {
            await Insert(v, ct);
            // Read on another connection: only committed data is visible there.
            Assert.Equal(v, await CountAsync(ct));
        }
    }

    [Fact]
    public async Task After_disposal_a_write_is_refused_and_not_made()
    {
        var ct = TestContext.Current.CancellationToken;
        await Insert(1, ct);
        await _groupCommit.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => { _ = Insert(2, ct); });
        Assert.Equal(1L, await CountAsync(ct));
    }

    public async ValueTask DisposeAsync()
    {
        await _groupCommit.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private Task<int> Insert(int value, CancellationToken ct) =>
        _groupCommit.WriteAsync((c, t) => c.ExecuteAsync("INSERT INTO t (v) VALUES ($v)", t, ("$v", value)), ct);

    private Task<long> CountAsync(CancellationToken ct) =>
        _database.ReadAsync(async c => (long)(await c.Command("SELECT COUNT(*) FROM t").ExecuteScalarAsync(ct))!);
}
