using SafetyReports.Intake.AntiAbuse;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>What every store of Intake's rate-limit windows must do (<see cref="ClientWindowRule"/>); a subclass per store runs it.</summary>
public abstract class RateCounterStoreContractTests : IAsyncDisposable
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 30, 250, TimeSpan.Zero);
    protected static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A store over this test's counters; every call gives a new instance over the same counters, as another replica would.</summary>
    protected abstract IRateCounterStore OpenStore();

    protected abstract ValueTask DisposeStoreAsync();

    public async ValueTask DisposeAsync()
    {
        await DisposeStoreAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_window_begins_at_the_first_request_counts_up_to_the_limit_and_refuses_the_rest_uncounted()
    {
        var store = OpenStore();
        Assert.Equal(new WindowAnswer(true, Start), await store.TryCountAsync("c", 2, Start, Minute, Ct));
        Assert.Equal(new WindowAnswer(true, Start), await store.TryCountAsync("c", 2, Start.AddSeconds(30), Minute, Ct));
        Assert.Equal(new WindowAnswer(false, Start), await store.TryCountAsync("c", 2, Start.AddSeconds(59), Minute, Ct));
        Assert.Equal(new WindowAnswer(false, Start), await store.TryCountAsync("c", 2, Start.AddSeconds(59.9), Minute, Ct));

        var next = Start.AddMinutes(1);
        Assert.Equal(new WindowAnswer(true, next), await store.TryCountAsync("c", 2, next, Minute, Ct));
        Assert.Equal(new WindowAnswer(true, next), await store.TryCountAsync("c", 2, next.AddSeconds(1), Minute, Ct));
        Assert.Equal(new WindowAnswer(false, next), await store.TryCountAsync("c", 2, next.AddSeconds(2), Minute, Ct));
    }

    [Fact]
    public async Task Keys_are_counted_apart()
    {
        var store = OpenStore();
        Assert.True((await store.TryCountAsync("submissions|203.0.113.7", 1, Start, Minute, Ct)).Counted);
        Assert.False((await store.TryCountAsync("submissions|203.0.113.7", 1, Start, Minute, Ct)).Counted);
        Assert.True((await store.TryCountAsync("submissions|203.0.113.8", 1, Start, Minute, Ct)).Counted);
        Assert.True((await store.TryCountAsync("unchallenged|203.0.113.7", 1, Start, Minute, Ct)).Counted);
    }

    [Fact]
    public async Task Concurrent_requests_through_several_instances_are_counted_exactly_up_to_the_limit()
    {
        var replicas = Enumerable.Range(0, 3).Select(_ => OpenStore()).ToList();
        var answers = await Task.WhenAll(Enumerable.Range(0, 60)
            .Select(i => Task.Run(() => replicas[i % replicas.Count].TryCountAsync("busy", 25, Start, Minute, Ct), Ct)));

        Assert.Equal(25, answers.Count(a => a.Counted));
        Assert.All(answers, a => Assert.Equal(Start, a.WindowStart));
    }
}
