using Microsoft.AspNetCore.Builder;
using SafetyReports.Identity;
using SafetyReports.Intake;
using SafetyReports.Notification;
using SafetyReports.Portal;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.Triage;

namespace SafetyReports.Standalone;

/// <summary>Every service in one process: the in-memory bus and a SQLite file per service.</summary>
public static class StandaloneApp
{
    public const int DefaultPort = 5000;

    public static WebApplication Build(string[] args)
    {
        var builder = ServiceHost.CreateBuilder(args, DefaultPort);
        builder.Configuration.AddLowestPriorityDefaults(new Dictionary<string, string?>
        {
            ["SafetyReports:Bus:Transport"] = nameof(BusTransport.InMemory),
            ["SafetyReports:Identity:Issuer"] = $"http://localhost:{DefaultPort}/",
            // One process on one machine: its transparency log key is made beside its data on the first start.
            ["SafetyReports:Triage:Log:CreateKeyIfMissing"] = "true",
        });

        PortalClientWiring.Apply(builder);
        EvidenceClientWiring.Apply(builder);
        TransparencySourceWiring.Apply(builder);
        builder.AddServiceDefaults("standalone");
        builder.AddIdentityService();
        builder.AddIntake();
        builder.AddTriage();
        builder.AddNotification();
        builder.AddPortal();
        builder.AddSafetyReportsBus();

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapIdentityService();
        app.MapIntake();
        app.MapTriage();
        app.MapNotification();
        app.MapPortal();
        return app;
    }
}
