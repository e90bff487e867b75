using SafetyReports.Identity;

return ServiceHost.Run(args, "identity", defaultPort: 5100, builder => builder.AddIdentityService(), app => app.MapIdentityService());
