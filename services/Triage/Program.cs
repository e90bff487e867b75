using SafetyReports.Triage;

return ServiceHost.Run(args, "triage", defaultPort: 5102,
    builder =>
    {
        builder.AddTriage();
        builder.AddSafetyReportsBus();
    },
    app => app.MapTriage());
