using SafetyReports.Triage;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Messaging;

if (ServiceHost.TryRunProbe(args, out var probeExitCode))
{
    return probeExitCode;
}

var builder = ServiceHost.CreateBuilder(args, defaultPort: 5102);
builder.AddServiceDefaults("triage");
builder.AddTriage();
builder.AddSafetyReportsBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapTriage();
app.Run();
return 0;
