using Microsoft.Extensions.DependencyInjection;

namespace SafetyReports.Notification.Storage;

public static class NotificationStoreServices
{
    /// <summary>The aggregates' interfaces <see cref="INotificationStore"/> joins; each is registered as the one store.</summary>
    private static readonly Type[] Aggregates = [typeof(IHostStore), typeof(ISubscriptionStore), typeof(IRouteStore), typeof(IHostLoopStore), typeof(IDeliveryStore), typeof(IModelStore)];

    /// <summary>
    /// Registers the store <paramref name="create"/> makes (the container owns and disposes it) as <see cref="INotificationStore"/>
    /// and as each aggregate's interface, so a consumer or an endpoint asks for the part it uses and all share the one instance.
    /// </summary>
    public static IServiceCollection AddNotificationStore(this IServiceCollection services, Func<IServiceProvider, INotificationStore> create)
    {
        services.AddSingleton(create);
        foreach (var aggregate in Aggregates)
        {
            services.AddSingleton(aggregate, sp => sp.GetRequiredService<INotificationStore>());
        }

        return services;
    }

    /// <summary>
    /// Registers a store its caller owns, as the other overload does; registered as an instance under every interface, so the
    /// container never disposes it.
    /// </summary>
    public static IServiceCollection AddNotificationStore(this IServiceCollection services, INotificationStore store)
    {
        services.AddSingleton(store);
        foreach (var aggregate in Aggregates)
        {
            services.AddSingleton(aggregate, store);
        }

        return services;
    }
}
