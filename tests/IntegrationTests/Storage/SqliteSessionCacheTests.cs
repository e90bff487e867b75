using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using SafetyReports.Portal.Auth;

namespace SafetyReports.IntegrationTests.Storage;

public sealed class SqliteSessionCacheTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly TempSqliteFile _file = new(SqliteSessionCache.FileName);
    private readonly ManualClock _clock = new(Start);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task An_entry_outlives_the_process_that_wrote_it_until_its_absolute_expiry()
    {
        var first = new SqliteSessionCache(_file.Path, _clock);
        await first.SetAsync("a", Encoding.UTF8.GetBytes("ticket"), new DistributedCacheEntryOptions { AbsoluteExpiration = Start.AddHours(8) }, Ct);

        var restarted = new SqliteSessionCache(_file.Path, _clock);
        Assert.Equal("ticket", Encoding.UTF8.GetString((await restarted.GetAsync("a", Ct))!));
        _clock.Now = Start.AddHours(8);
        Assert.Null(await restarted.GetAsync("a", Ct));
    }

    [Fact]
    public async Task A_sliding_entry_is_extended_by_reads_but_never_past_its_absolute_expiry()
    {
        var cache = new SqliteSessionCache(_file.Path, _clock);
        await cache.SetAsync("s", [1], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30), AbsoluteExpiration = Start.AddMinutes(50) }, Ct);
        _clock.Now = Start.AddMinutes(25);
        Assert.NotNull(await cache.GetAsync("s", Ct));
        _clock.Now = Start.AddMinutes(49);
        Assert.NotNull(await cache.GetAsync("s", Ct));
        _clock.Now = Start.AddMinutes(50);
        Assert.Null(await cache.GetAsync("s", Ct));
    }

    [Fact]
    public async Task Replacing_and_removing_work_and_an_entry_without_expiry_is_refused()
    {
        var cache = new SqliteSessionCache(_file.Path, _clock);
        var options = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) };
        await cache.SetAsync("k", [1], options, Ct);
        await cache.SetAsync("k", [2], options, Ct);
        Assert.Equal([2], await cache.GetAsync("k", Ct));
        await cache.RemoveAsync("k", Ct);
        Assert.Null(await cache.GetAsync("k", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => cache.SetAsync("k", [3], new DistributedCacheEntryOptions(), Ct));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
