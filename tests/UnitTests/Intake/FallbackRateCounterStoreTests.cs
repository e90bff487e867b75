using Microsoft.Extensions.Logging.Abstractions;
using SafetyReports.Intake.AntiAbuse;
using SafetyReports.UnitTests.Triage;

namespace SafetyReports.UnitTests.Intake;

public sealed class FallbackRateCounterStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly ManualClock _clock = new(Start);
    private readonly ScriptedStore _shared = new();
    private readonly InMemoryRateCounterStore _local = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FallbackRateCounterStore Store() => new(_shared, _local, _clock, NullLogger<FallbackRateCounterStore>.Instance);

    [Fact]
    public async Task While_the_shared_store_answers_it_alone_counts()
    {
        var store = Store();
        Assert.True((await store.TryCountAsync("k", 1, Start, Minute, Ct)).Counted);
        Assert.Equal(1, _shared.Calls);
        Assert.Equal(0, _local.Count);
        Assert.False(store.UsingLocal);
    }

    [Fact]
    public async Task A_failing_shared_store_hands_counting_to_this_process_and_is_tried_again_after_the_pause()
    {
        var store = Store();
        _shared.Fails = true;
        Assert.True((await store.TryCountAsync("k", 1, Start, Minute, Ct)).Counted);
        Assert.False((await store.TryCountAsync("k", 1, Start, Minute, Ct)).Counted);
        Assert.Equal(1, _shared.Calls);
        Assert.True(store.UsingLocal);

        _shared.Fails = false;
        _clock.Now = Start + FallbackRateCounterStore.Pause;
        Assert.True((await store.TryCountAsync("k", 1, _clock.Now, Minute, Ct)).Counted);
        Assert.Equal(2, _shared.Calls);
        Assert.False(store.UsingLocal);
    }

    [Fact]
    public async Task A_shared_store_that_hangs_is_given_up_after_the_timeout()
    {
        var store = Store();
        _shared.Hangs = true;
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.True((await store.TryCountAsync("k", 1, Start, Minute, Ct)).Counted);
        Assert.InRange(started.Elapsed, FallbackRateCounterStore.Timeout - TimeSpan.FromMilliseconds(100), FallbackRateCounterStore.Timeout * 5);
        Assert.True(store.UsingLocal);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_not_mistaken_for_a_failure()
    {
        var store = Store();
        _shared.Hangs = true;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.TryCountAsync("k", 1, Start, Minute, cancelled.Token));
        Assert.False(store.UsingLocal);
    }

    private sealed class ScriptedStore : IRateCounterStore
    {
        public bool Fails { get; set; }

        public bool Hangs { get; set; }

        public int Calls { get; private set; }

        public async Task<WindowAnswer> TryCountAsync(string key, int limit, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
        {
            Calls++;
            if (Hangs)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return Fails ? throw new TimeoutException("server selection timed out") : new WindowAnswer(true, now);
        }
    }
}
