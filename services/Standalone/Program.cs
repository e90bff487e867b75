using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.Standalone;

if (ServiceHost.TryRunProbe(args, out var probeExitCode))
{
    return probeExitCode;
}

var app = StandaloneApp.Build(args);
app.Run();
return 0;
