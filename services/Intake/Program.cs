using SafetyReports.Intake;

return ServiceHost.Run(args, "intake", defaultPort: 5101,
    builder =>
    {
        builder.AddIntake();
        builder.AddSafetyReportsBus();
    },
    app => app.MapIntake());
