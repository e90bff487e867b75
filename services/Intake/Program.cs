using SafetyReports.Intake;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Messaging;

if (ServiceHost.TryRunProbe(args, out var probeExitCode))
{
    return probeExitCode;
}

var builder = ServiceHost.CreateBuilder(args, defaultPort: 5101);
builder.AddServiceDefaults("intake");
builder.AddIntake();
builder.AddSafetyReportsBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapIntake();
app.Run();
return 0;
