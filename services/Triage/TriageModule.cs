using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Validation.AspNetCore;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.ServiceDefaults.Security;
using SafetyReports.ServiceDefaults.Storage;
using SafetyReports.Triage.Api;
using SafetyReports.Triage.Consumers;
using SafetyReports.Triage.Disclosure;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using SafetyReports.Triage.Transparency;

namespace SafetyReports.Triage;

public static class TriageModule
{
    public static WebApplicationBuilder AddTriage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var storage = StorageOptions.FromConfiguration(builder.Configuration);
        var sla = SlaOptions.FromConfiguration(builder.Configuration);
        var transparency = builder.Configuration.GetSection(TransparencyOptions.Section).Get<TransparencyOptions>() ?? new TransparencyOptions();
        if (!transparency.IsValid())
        {
            throw new InvalidOperationException(
                $"{TransparencyOptions.Section}: SuppressionThreshold 1–1,000, AcknowledgementSla positive, DefaultMonths at least 1 and at most MaxMonths.");
        }

        services.AddSingleton(transparency);
        var disclosure = builder.Configuration.GetSection(DisclosureOptions.Section).Get<DisclosureOptions>() ?? new DisclosureOptions();
        if (!disclosure.IsValid())
        {
            throw new InvalidOperationException(
                $"{DisclosureOptions.Section}: After positive (or unset: off), ReminderBefore from zero to below After, CheckInterval positive, BatchSize 1–10,000.");
        }

        services.AddSingleton(disclosure);
        services.AddHostedService<DisclosureJob>();
        services.AddSingleton<TransparencyQuery>();
        services.AddSingleton<ITriageStore>(sp => TriageStoreFactory.Create(storage, sla, transparency, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sla);
        services.AddSingleton<SlaPolicy>();
        services.AddSingleton<TriageReports>();
        services.AddOptions<ContactRetentionOptions>()
            .Bind(builder.Configuration.GetSection(ContactRetentionOptions.Section))
            .Validate(o => o.IsValid(),
                "SafetyReports:Triage: ContactRetention and ContactPurgeInterval must be positive, ContactPurgeBatchSize 1–10,000.")
            .ValidateOnStart();
        services.AddHostedService<ContactRetentionJob>();
        services.AddSingleton<ReporterContactProtector>();
        services.AddAuthorizationBuilder().AddPolicy(ReportExportAccess.Policy, policy => policy
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(ctx => ReportExportAccess.Allows(ctx.User)));
        services.AddOutboxDispatcher<ITriageStore>();
        services.AddStoreHealthCheck<ITriageStore>("triage-store");
        // One instance: it keeps its answer for a minute.
        services.AddSingleton<ContactKeyRingHealthCheck>();
        services.AddHealthChecks().AddCheck<ContactKeyRingHealthCheck>(ContactKeyRingHealthCheck.Name, tags: [ServiceDefaultsExtensions.ReadyTag]);
        services.AddBusModule("triage", x =>
        {
            x.AddConsumer<StoreSubmittedReportConsumer>();
            x.AddConsumer<RecordDeliveryConsumer>();
            x.AddConsumer<RecordAcknowledgementConsumer>();
            x.AddConsumer<RecordReporterReplyConsumer>();
            x.AddConsumer<RecordHostResponseConsumer>();
            x.AddConsumer<RecordReporterContestConsumer>();
            x.AddConsumer<RecordHostMessageConsumer>();
            x.AddConsumer<RecordWebhookDisableConsumer>();
            x.AddConsumer<EraseReporterContactConsumer>();
        });
        return builder;
    }

    public static WebApplication MapTriage(this WebApplication app)
    {
        app.MapTriageEndpoints();
        app.MapTransparencyEndpoints();
        return app;
    }
}
