using SafetyReports.Notification.Evidence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using SafetyReports.Notification.Api;
using SafetyReports.Notification.Consumers;
using SafetyReports.Notification.Storage;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Notification;

public static class NotificationModule
{
    public static WebApplicationBuilder AddNotification(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var storage = StorageOptions.FromConfiguration(builder.Configuration);
        services.AddValidatedOptions<NotificationOptions, NotificationOptionsValidator>(builder.Configuration, NotificationOptions.Section);
        services.AddSharedEvidence(builder.Configuration);

        services.AddAuthorizationBuilder().AddPolicy(HostAccess.AdminOrHostPolicy, policy => policy
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(ctx => ctx.User.HasScope(Scopes.NotificationsAdmin) || ctx.User.HasScope(Scopes.Host)));

        services.AddNotificationStore(sp => NotificationStoreFactory.Create(storage, sp.GetRequiredService<ILoggerFactory>()));
        services.AddStoreHealthCheck<INotificationStore>("notification-store");
        services.AddOutboxDispatcher<INotificationStore>();
        services.AddSingleton<WebhookSecretProtector>();
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<HostReports>();
        services.AddSingleton<ReportFanOut>();
        services.AddSingleton<ModelManifests>();
        services.AddSingleton<HostMails>();
        services.AddMailer<INotificationStore>(builder.Configuration);
        services.AddSingleton(sp => new HostReportLinks(Options(sp).PublicBaseUrl));
        services.AddSingleton<ReportFollowUps>();
        services.AddSingleton<SubscriptionDisabler>();
        services.AddSingleton(sp => new RetryJitter(Options(sp).RetryJitter, Random.Shared.NextDouble));
        services.AddSingleton(sp => new TestSendThrottle(Options(sp).TestSendsPerMinute, TimeSpan.FromMinutes(1)));
        services.AddSingleton(sp => new WebhookTargetValidator(Options(sp).AllowPrivateNetworkTargets));
        services.AddSingleton(sp => new GuardedConnector(Options(sp).AllowPrivateNetworkTargets));
        services.AddSingleton(sp => new WebhookSender(
            WebhookHttpHandler.CreateClient(Options(sp), sp.GetRequiredService<GuardedConnector>()),
            sp.GetRequiredService<TimeProvider>(), Options(sp).AttemptTimeout));
        services.AddHostedService<WebhookDispatcher>();
        services.AddHostedService<ReminderPlanner>();
        services.AddBusModule("notification", x =>
        {
            x.AddConsumer<PlanWebhookDeliveriesConsumer>();
            x.AddConsumer<PlanDisclosureNoticeConsumer>();
            x.AddConsumer<StoreNoticeConsumer>();
            x.AddConsumer<StoreForwardedContestConsumer>();
            x.AddConsumer<StoreMaintainersMessageConsumer>();
            x.AddConsumer<HostDisabledMailConsumer>();
            x.AddConsumer<StoreLogLeafConsumer>();
            x.AddConsumer<FanOutModelChangeConsumer>();
            x.AddConsumer<ShareWithHostConsumer>();
        });
        return builder;
    }

    public static WebApplication MapNotification(this WebApplication app)
    {
        app.MapNotificationEndpoints();
        return app;
    }

    private static NotificationOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<NotificationOptions>>().Value;
}
