using SafetyReports.Identity;
using SafetyReports.ServiceDefaults.Hosting;


if (ServiceHost.TryRunProbe(args, out var probeExitCode))
{
    return probeExitCode;
}

var builder = ServiceHost.CreateBuilder(args, defaultPort: 5100);
builder.AddServiceDefaults("identity");
builder.AddIdentityService();


var app = builder.Build();
app.UseServiceDefaults();
app.MapIdentityService();
app.Run();
return 0;
