using Microsoft.AspNetCore.Hosting;

namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>The few lines every service's own thin host shares.</summary>
public static class ServiceHost
{
    private const string ReloadConfigOnChange = "hostBuilder:reloadConfigOnChange";

    /// <summary>
    /// A builder that listens on the service's default local port unless <c>--urls</c>,
    /// <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c> or Kestrel's own endpoints
    /// (<c>Kestrel:Endpoints</c>, e.g. https with a certificate) say otherwise.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, int defaultPort)
    {
        var builder = WebApplication.CreateBuilder(WithoutConfigurationReload(args));
        var configured = builder.Configuration[WebHostDefaults.ServerUrlsKey]
            ?? builder.Configuration["HTTP_PORTS"];
        if (string.IsNullOrWhiteSpace(configured) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls($"http://localhost:{defaultPort}");
        }

        return builder;
    }

    /// <summary>
    /// Configuration is read once, at start. Reloading <c>appsettings.json</c> on change would watch the content root
    /// (the working directory) with every folder under it, and the default data folder (<c>./data</c>) is one of them:
    /// every SQLite write would wake the watcher (several percent of the CPU under load). An operator who wants
    /// reloading back sets <c>DOTNET_hostBuilder__reloadConfigOnChange=true</c> (or passes it on the command line).
    /// </summary>
    public static string[] WithoutConfigurationReload(string[] args) =>
        args.Any(a => a.Contains(ReloadConfigOnChange, StringComparison.OrdinalIgnoreCase))
        || Environment.GetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange") is not null
            ? args
            : [.. args, $"--{ReloadConfigOnChange}=false"];

    /// <summary>
    /// A service's whole entry point: the probe mode (<see cref="TryRunProbe"/>), or the host with the service
    /// defaults, the service's own registrations (<paramref name="addService"/>) and its routes (<paramref name="mapService"/>).
    /// </summary>
    public static int Run(string[] args, string serviceName, int defaultPort, Action<WebApplicationBuilder> addService, Action<WebApplication> mapService)
    {
        if (TryRunProbe(args, out var probeExitCode))
        {
            return probeExitCode;
        }

        var builder = CreateBuilder(args, defaultPort);
        builder.AddServiceDefaults(serviceName);
        addService(builder);

        var app = builder.Build();
        app.UseServiceDefaults();
        mapService(app);
        app.Run();
        return 0;
    }

    /// <summary>
    /// <c>--probe URL</c>: exit 0 when URL answers 2xx. Container images have no curl, so their
    /// health checks run the service binary itself in this mode.
    /// </summary>
    public static bool TryRunProbe(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args.Length < 2 || args[0] != "--probe")
        {
            return false;
        }

        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = client.GetAsync(args[1]).GetAwaiter().GetResult();
            exitCode = response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            Console.Error.WriteLine($"probe failed: {ex.Message}");
            exitCode = 1;
        }

        return true;
    }
}
