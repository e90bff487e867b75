namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>
/// For a service that terminates TLS itself (Kestrel with a certificate) and also keeps a plain-http
/// endpoint open: <c>SafetyReports:Hosting:RedirectHttpToHttps</c> sends every plain-http request to the
/// https endpoint with a 308 (method and body kept), except the health endpoints, which container and
/// orchestrator probes reach over plain http inside the deployment. Off by default: behind a
/// TLS-terminating proxy the proxy redirects, and a proxy not named as trusted would loop.
/// </summary>
public static class HttpToHttpsRedirect
{
    public const string Key = "SafetyReports:Hosting:RedirectHttpToHttps";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(Key);

    /// <summary>Whether a plain-http request to this path is redirected (the health endpoints are not).</summary>
    public static bool Applies(PathString path) => !path.StartsWithSegments("/health");

    public static void AddTo(IServiceCollection services) =>
        // The https port is found from Kestrel's https endpoint, or given by ASP.NET Core's own
        // https_port / ASPNETCORE_HTTPS_PORT when the public port differs (a mapped container port).
        services.AddHttpsRedirection(o => o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect);

    public static void UseIn(IApplicationBuilder app) =>
        app.UseWhen(context => Applies(context.Request.Path), branch => branch.UseHttpsRedirection());
}
