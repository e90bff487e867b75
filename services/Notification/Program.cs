using SafetyReports.Notification;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Messaging;

return ServiceHost.Run(args, "notification", defaultPort: 5103,
    builder =>
    {
        builder.AddNotification();
        builder.AddSafetyReportsBus();
    },
    app => app.MapNotification());
