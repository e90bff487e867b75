using SafetyReports.Intake.AntiAbuse;

namespace SafetyReports.UnitTests.Intake;

public sealed class InMemoryRateCounterStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Ended_windows_are_dropped_so_memory_holds_only_the_clients_of_the_last_window()
    {
        var store = new InMemoryRateCounterStore();
        for (var i = 0; i < 100; i++)
        {
            await store.TryCountAsync($"client-{i}", 5, Start, Minute, TestContext.Current.CancellationToken);
        }

        Assert.Equal(100, store.Count);
        await store.TryCountAsync("late", 5, Start.AddMinutes(1), Minute, TestContext.Current.CancellationToken);
        Assert.Equal(1, store.Count);
    }
}
