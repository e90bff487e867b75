using SafetyReports.Triage;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Messaging;

return ServiceHost.Run(args, "triage", defaultPort: 5102,
    builder =>
    {
        builder.AddTriage();
        builder.AddSafetyReportsBus();
    },
    app => app.MapTriage());
