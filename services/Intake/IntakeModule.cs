using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using SafetyReports.Intake.Consumers;
using SafetyReports.Intake.Site;
using SafetyReports.Intake.Storage;
using SafetyReports.ServiceDefaults.Storage;
using SafetyReports.ServiceDefaults.Contacts;

namespace SafetyReports.Intake;

public static class IntakeModule
{
    public static WebApplicationBuilder AddIntake(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var storage = StorageOptions.FromConfiguration(builder.Configuration);
        services.AddSingleton<ISubmissionStore>(_ => SubmissionStoreFactory.Create(storage));
        services.AddStoreHealthCheck<ISubmissionStore>("intake-store");
        services.AddSingleton<ReporterContactProtector>();
        services.TryAddSingleton<SafetyReports.ServiceDefaults.Email.ReporterLinks>();
        services.AddSingleton<HandoverSignal>();
        services.AddSingleton(HandoverSchedule.Default);
        services.AddSingleton<ReportIntake>();
        services.AddValidatedOptions<IntakeOptions, IntakeOptionsValidator>(builder.Configuration, IntakeOptions.Section);
        services.AddSingleton<ChallengeIssuer>();
        services.AddSingleton<ClientAddressHasher>();
        services.AddSingleton<IdempotencyScope>();
        services.AddSingleton<IRateCounterStore>(sp =>
            RateCounterStoreFactory.Create(sp.GetRequiredService<IOptions<IntakeOptions>>().Value.RateLimit.Counters, storage, sp));
        services.AddSingleton<SubmissionRateLimiter>();
        services.AddSingleton<SubmissionGate>();
        services.AddSingleton(sp => new Evidence.EvidenceFileRules(
            Evidence.EvidenceFileLimits.From(sp.GetRequiredService<IOptions<IntakeOptions>>().Value.EvidenceFiles)));
        services.AddOutboxDispatcher<ISubmissionStore>();
        services.AddHostedService<SubmissionHandover>();
        services.AddHostedService<IdempotencyJanitor>();
        services.AddIntakeSite();
        services.AddTransparencyPage();
        services.AddBusModule("intake", x =>
        {
            x.AddConsumer<ConfirmHandoverConsumer>();
            x.AddConsumer<UpdateReceiptConsumer>();
            x.AddConsumer<UpdateReceiptHostResponseConsumer>();
            x.AddConsumer<UpdateReceiptContestConsumer>();
        });
        return builder;
    }

    public static WebApplication MapIntake(this WebApplication app)
    {
        app.MapIntakeEndpoints();
        app.MapInternalEvidenceEndpoints();
        app.MapTransparencyDownloads();
        app.MapIntakeSite();
        return app;
    }
}
