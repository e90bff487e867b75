using SafetyReports.Intake.AntiAbuse;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>One process's counters: every "instance" is the same store, as the replicas of one process would share it.</summary>
public sealed class InMemoryRateCounterStoreContractTests : RateCounterStoreContractTests
{
    private readonly InMemoryRateCounterStore _store = new();

    protected override IRateCounterStore OpenStore() => _store;

    protected override ValueTask DisposeStoreAsync() => ValueTask.CompletedTask;
}
