using System.Text;
using Microsoft.Extensions.Caching.Distributed;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>What every store of the portal's sessions must do; a subclass per store runs it.</summary>
public abstract class SessionCacheContractTests : IAsyncDisposable
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    protected ManualClock Clock { get; } = new(Start);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A cache over this test's store; every call gives a new instance over the same store, as a restarted process would.</summary>
    protected abstract IDistributedCache OpenCache();

    protected abstract ValueTask DisposeStoreAsync();

    public async ValueTask DisposeAsync()
    {
        await DisposeStoreAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task An_entry_outlives_the_process_that_wrote_it_until_its_absolute_expiry()
    {
        var first = OpenCache();
        await first.SetAsync("a", Encoding.UTF8.GetBytes("ticket"), new DistributedCacheEntryOptions { AbsoluteExpiration = Start.AddHours(8) }, Ct);

        var restarted = OpenCache();
        Assert.Equal("ticket", Encoding.UTF8.GetString((await restarted.GetAsync("a", Ct))!));
        Clock.Now = Start.AddHours(8).AddMilliseconds(-1);
        Assert.NotNull(await restarted.GetAsync("a", Ct));
        Clock.Now = Start.AddHours(8);
        Assert.Null(await restarted.GetAsync("a", Ct));
    }

    [Fact]
    public async Task A_sliding_entry_is_extended_by_reads_but_never_past_its_absolute_expiry()
    {
        var cache = OpenCache();
        await cache.SetAsync("s", [1], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30), AbsoluteExpiration = Start.AddMinutes(50) }, Ct);
        Clock.Now = Start.AddMinutes(25);
        Assert.NotNull(await cache.GetAsync("s", Ct));
        Clock.Now = Start.AddMinutes(49);
        Assert.NotNull(await cache.GetAsync("s", Ct));
        Clock.Now = Start.AddMinutes(50);
        Assert.Null(await cache.GetAsync("s", Ct));
    }

    [Fact]
    public async Task A_sliding_entry_left_unread_for_its_window_is_gone_and_a_refresh_keeps_it_like_a_read()
    {
        var cache = OpenCache();
        var options = new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30) };
        await cache.SetAsync("idle", [1], options, Ct);
        await cache.SetAsync("refreshed", [2], options, Ct);

        Clock.Now = Start.AddMinutes(20);
        await cache.RefreshAsync("refreshed", Ct);
        Clock.Now = Start.AddMinutes(30);
        Assert.Null(await cache.GetAsync("idle", Ct));
        Assert.Equal([2], await OpenCache().GetAsync("refreshed", Ct));
        Clock.Now = Start.AddMinutes(59);
        Assert.NotNull(await cache.GetAsync("refreshed", Ct));
        Clock.Now = Start.AddMinutes(89);
        Assert.Null(await cache.GetAsync("refreshed", Ct));
    }

    [Fact]
    public async Task Replacing_and_removing_work_and_an_entry_without_expiry_is_refused()
    {
        var cache = OpenCache();
        var options = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) };
        await cache.SetAsync("k", [1], options, Ct);
        await cache.SetAsync("k", [2], options, Ct);
        Assert.Equal([2], await cache.GetAsync("k", Ct));
        await cache.RemoveAsync("k", Ct);
        Assert.Null(await cache.GetAsync("k", Ct));
        Assert.Null(await cache.GetAsync("never-set", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => cache.SetAsync("k", [3], new DistributedCacheEntryOptions(), Ct));
        Assert.Null(await cache.GetAsync("k", Ct));
    }

    [Fact]
    public async Task An_entry_replaced_without_a_sliding_window_no_longer_slides()
    {
        var cache = OpenCache();
        await cache.SetAsync("k", [1], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) }, Ct);
        await cache.SetAsync("k", [2], new DistributedCacheEntryOptions { AbsoluteExpiration = Start.AddMinutes(15) }, Ct);
        Clock.Now = Start.AddMinutes(14);
        Assert.Equal([2], await cache.GetAsync("k", Ct));
        Clock.Now = Start.AddMinutes(15);
        Assert.Null(await cache.GetAsync("k", Ct));
    }

    protected sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
