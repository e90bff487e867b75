using SafetyReports.Intake;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Messaging;

return ServiceHost.Run(args, "intake", defaultPort: 5101,
    builder =>
    {
        builder.AddIntake();
        builder.AddSafetyReportsBus();
    },
    app => app.MapIntake());
