using SafetyReports.Notification;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Messaging;

if (ServiceHost.TryRunProbe(args, out var probeExitCode))
{
    return probeExitCode;
}

var builder = ServiceHost.CreateBuilder(args, defaultPort: 5103);
builder.AddServiceDefaults("notification");
builder.AddNotification();
builder.AddSafetyReportsBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapNotification();
app.Run();
return 0;
