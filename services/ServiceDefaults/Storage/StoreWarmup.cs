namespace SafetyReports.ServiceDefaults.Storage;

/// <summary>
/// Touches the store once at start, so its schema and indexes (SQLite tables, MongoDB collections and
/// indexes) exist before the first request rather than on it. A database that is not up yet is
/// retried in the background; readiness stays red meanwhile.
/// </summary>
public sealed class StoreWarmup<TStore>(TStore store, TimeProvider clock, ILogger<StoreWarmup<TStore>> logger) : PollingLoop(clock, logger)
    where TStore : IStoreHealth
{
    /// <summary>The longest wait between two tries while the database is down.</summary>
    protected override TimeSpan Interval => TimeSpan.FromSeconds(30);

    protected override async Task<LoopStep> RunStepAsync(CancellationToken stoppingToken)
    {
        await store.PingAsync(stoppingToken);
        return LoopStep.Finished;
    }
}
