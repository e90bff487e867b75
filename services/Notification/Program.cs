using SafetyReports.Notification;

return ServiceHost.Run(args, "notification", defaultPort: 5103,
    builder =>
    {
        builder.AddNotification();
        builder.AddSafetyReportsBus();
    },
    app => app.MapNotification());
