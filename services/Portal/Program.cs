using SafetyReports.Portal;

return ServiceHost.Run(args, "portal", defaultPort: 5104, builder => builder.AddPortal(), app => app.MapPortal());
