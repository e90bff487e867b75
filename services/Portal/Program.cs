using SafetyReports.Portal;
using SafetyReports.ServiceDefaults.Hosting;


if (ServiceHost.TryRunProbe(args, out var probeExitCode))
{
    return probeExitCode;
}

var builder = ServiceHost.CreateBuilder(args, defaultPort: 5104);
builder.AddServiceDefaults("portal");
builder.AddPortal();


var app = builder.Build();
app.UseServiceDefaults();
app.MapPortal();
app.Run();
return 0;
