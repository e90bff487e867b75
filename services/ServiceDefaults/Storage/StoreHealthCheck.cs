using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SafetyReports.ServiceDefaults.Hosting;

namespace SafetyReports.ServiceDefaults.Storage;

public sealed class StoreHealthCheck<TStore>(TStore store) : IHealthCheck
    where TStore : IStoreHealth
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy();
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
