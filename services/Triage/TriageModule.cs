using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Validation.AspNetCore;
using SafetyReports.ServiceDefaults.Storage;
using SafetyReports.Triage.Api;
using SafetyReports.Triage.Consumers;
using SafetyReports.Triage.Evidence;
using SafetyReports.Triage.Similarity;
using SafetyReports.Triage.Storage;
using SafetyReports.Triage.TransparencyLog;
using SafetyReports.Triage.Transparency.Sealing;

namespace SafetyReports.Triage;

public static class TriageModule
{
    public static WebApplicationBuilder AddTriage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var storage = StorageOptions.FromConfiguration(builder.Configuration);
        services.AddValidatedOptionsValue<SlaOptions, SlaOptionsValidator>(builder.Configuration, SlaOptions.Section);
        services.AddValidatedOptionsValue<TransparencyOptions, TransparencyOptionsValidator>(builder.Configuration, TransparencyOptions.Section);
        services.AddValidatedOptionsValue<DisclosureOptions, DisclosureOptionsValidator>(builder.Configuration, DisclosureOptions.Section);
        services.AddHostedService<DisclosureJob>();
        services.AddValidatedOptionsValue<AdvisoryOptions, AdvisoryOptionsValidator>(builder.Configuration, AdvisoryOptions.Section);
        services.AddSingleton<IAdvisories>(sp => (IAdvisories)sp.GetRequiredService<ITriageStore>());
        services.AddSingleton<AdvisoryPublishing>();
        services.AddRateLimiter(o => o.AddPolicy<string, AdvisoryRateLimit>(AdvisoryRateLimit.Policy));
        services.AddValidatedOptionsValue<TransparencyLogOptions, TransparencyLogOptionsValidator>(builder.Configuration, TransparencyLogOptions.Section)
            .PostConfigure(o => o.CreateKeyIfMissing |= builder.Environment.IsDevelopment());
        services.AddSingleton(sp => LogKeys.Load(sp.GetRequiredService<TransparencyLogOptions>(), storage.ResolveDataDirectory()));
        services.AddSingleton<AuditLogTree>();
        services.AddSingleton<CheckpointSigner>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckpointSigner>());
        services.AddSingleton<TransparencyQuery>();
        services.AddSingleton<ISealedMonths>(sp => (ISealedMonths)sp.GetRequiredService<ITriageStore>());
        services.AddSingleton<SealedFigures>();
        services.AddHostedService<MonthSealer>();
        services.AddSingleton<ITriageStore>(sp => TriageStoreFactory.Create(
            storage, sp.GetRequiredService<SlaOptions>(), sp.GetRequiredService<TransparencyOptions>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<SlaPolicy>();
        services.AddSingleton<TriageReports>();
        services.AddTriageEvidenceHandover(builder.Configuration);
        services.AddValidatedOptionsValue<SimilarityOptions, SimilarityOptionsValidator>(builder.Configuration, SimilarityOptions.Section);
        services.AddSingleton<SimilarReports>();
        services.AddValidatedOptions<ContactRetentionOptions, ContactRetentionOptionsValidator>(builder.Configuration, ContactRetentionOptions.Section);
        services.AddHostedService<ContactRetentionJob>();
        services.AddSingleton<ReporterContactProtector>();
        services.TryAddSingleton<ReporterLinks>();
        services.AddSingleton<ReporterMails>();
        services.AddValidatedOptionsValue<MaintainerMailOptions, MaintainerMailOptionsValidator>(builder.Configuration, MaintainerMailOptions.Section);
        services.AddSingleton<MaintainerMails>();
        services.AddHostedService<MaintainerMailJob>();
        services.AddMailer<ITriageStore>(builder.Configuration);
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
            x.AddConsumer<RecordReachedHostConsumer>();
            x.AddConsumer<RecordReuploadConsumer>();
            x.AddConsumer<RecordWebhookDisableConsumer>();
            x.AddConsumer<EraseReporterContactConsumer>();
            x.AddConsumer<ReporterUnsubscribedConsumer>();
            x.AddConsumer<ReporterMailConsumer>();
            x.AddConsumer<MaintainerNewReportMailConsumer>();
            x.AddConsumer<MaintainerActivityMailConsumer>();
            // One check at a time: checks of one cluster would otherwise hold the same members concurrently.
            x.AddConsumer<HoldBurstConsumer>((_, consumer) => consumer.ConcurrentMessageLimit = 1);
        });
        return builder;
    }

    public static WebApplication MapTriage(this WebApplication app)
    {
        app.MapTriageEndpoints();
        app.MapSharedEvidenceEndpoint();
        app.MapTransparencyEndpoints();
        app.MapTransparencyLogEndpoints();
        app.MapPublicAdvisoryEndpoints();
        return app;
    }
}
