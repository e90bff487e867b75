using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SafetyReports.Notification.Api;
using SafetyReports.Notification.Consumers;
using SafetyReports.Notification.Webhooks;
using SafetyReports.Notification.Storage;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Notification;

public static class NotificationModule
{
    public const string WebhookClientName = "webhooks";

    public static WebApplicationBuilder AddNotification(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var storage = StorageOptions.FromConfiguration(builder.Configuration);
        services.AddOptions<NotificationOptions>()
            .Bind(builder.Configuration.GetSection(NotificationOptions.Section))
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.MaxConcurrentDeliveries > 0 && o.RetrySchedule.All(d => d >= TimeSpan.Zero),
                "SafetyReports:Notification: timeouts and concurrency must be positive, retry delays not negative.")
            .ValidateOnStart();

        services.AddSingleton<INotificationStore>(_ => NotificationStoreFactory.Create(storage));
        services.AddStoreHealthCheck<INotificationStore>("notification-store");
        services.AddOutboxDispatcher<INotificationStore>();
        services.AddSingleton<WebhookSecretProtector>();
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton(sp => new WebhookTargetValidator(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.AllowPrivateNetworkTargets));
        services.AddHttpClient(WebhookClientName, (sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<NotificationOptions>>().Value.AttemptTimeout)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var connector = new GuardedConnector(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.AllowPrivateNetworkTargets);
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    UseCookies = false,
                    ConnectTimeout = TimeSpan.FromSeconds(10),
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    ConnectCallback = connector.ConnectAsync,
                };
            });
        services.AddSingleton(sp => new WebhookSender(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookClientName), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<WebhookDispatcher>();
        services.AddBusModule("notification", x => x.AddConsumer<PlanWebhookDeliveriesConsumer>());
        return builder;
    }

    public static WebApplication MapNotification(this WebApplication app)
    {
        app.MapNotificationEndpoints();
        return app;
    }
}
