using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SafetyReports.ServiceDefaults.Storage;

/// <summary>
/// Touches the store once at start, so its schema and indexes (SQLite tables, MongoDB collections and
/// indexes) exist before the first request rather than on it. A database that is not up yet is
/// retried in the background; readiness stays red meanwhile.
/// </summary>
public sealed class StoreWarmup<TStore>(TStore store, ILogger<StoreWarmup<TStore>> logger) : BackgroundService
    where TStore : IStoreHealth
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.PingAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "{Store} is not ready yet; retrying in {Delay}", typeof(TStore).Name, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }
}
