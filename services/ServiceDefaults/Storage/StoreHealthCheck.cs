using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SafetyReports.ServiceDefaults.Storage;

/// <summary>
/// Readiness of a store: it answers a ping. A store that sets unreadable rows aside (<see cref="IQuarantineCounts"/>) also
/// reports how many, under <c>quarantined.&lt;kind&gt;</c> in the check's data; with any set aside the check is
/// <c>Degraded</c>: still ready (the rest flows, and readiness answers 200), and visible to whoever watches it.
/// </summary>
public sealed class StoreHealthCheck<TStore>(TStore store) : IHealthCheck
    where TStore : IStoreHealth
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            if (store is not IQuarantineCounts quarantine)
            {
                return HealthCheckResult.Healthy();
            }

            var counts = await quarantine.CountQuarantinedAsync(cancellationToken);
            var data = counts.ToDictionary(c => $"quarantined.{c.Key}", c => (object)c.Value);
            var setAside = counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key}").ToList();
            return setAside.Count == 0
                ? HealthCheckResult.Healthy(data: data)
                : HealthCheckResult.Degraded($"Rows that cannot be read were set aside: {string.Join(", ", setAside)}", data: data);
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{typeof(TStore).Name} does not answer: {ex.GetType().Name}");
        }
    }
}

public static class StoreHealthCheckExtensions
{
    public static IServiceCollection AddStoreHealthCheck<TStore>(this IServiceCollection services, string name)
        where TStore : class, IStoreHealth
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck<TStore>>(name, tags: [ServiceDefaultsExtensions.ReadyTag]);
        services.AddHostedService<StoreWarmup<TStore>>();
        return services;
    }
}
