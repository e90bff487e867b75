using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using SafetyReports.Identity;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.IntegrationTests.Identity;

/// <summary>
/// The Identity service on real Kestrel, built as its Program.cs builds it, plus one endpoint that
/// requires the <c>triage</c> scope so tests can prove the tokens are accepted by the validation side.
/// </summary>
internal sealed class IdentityTestHost : IAsyncDisposable
{
    public const string ProtectedPath = "/test/identity/triage";

    private IdentityTestHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    /// <summary>Also the issuer: <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <param name="services">Changes to the services after Identity's own, e.g. a test double.</param>
    public static WebApplication Build(string dataDirectory, int port, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var url = $"http://127.0.0.1:{port}";
        var builder = ServiceHost.CreateBuilder(["--urls", url], defaultPort: 5100);
        var configuration = new Dictionary<string, string?>
        {
            ["SafetyReports:Storage:DataDirectory"] = dataDirectory,
            ["SafetyReports:Identity:Issuer"] = url + "/",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDefaults("identity-tests");
        builder.AddIdentityService();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapIdentityService();
        app.MapGet(ProtectedPath, (ClaimsPrincipal user) => Results.Ok(new { subject = user.FindFirst(OpenIddictConstants.Claims.Subject)?.Value }))
            .RequireAuthorization(Scopes.Triage);
        return app;
    }

    public static async Task<IdentityTestHost> StartAsync(
        string dataDirectory, int port, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var app = Build(dataDirectory, port, settings, services);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new IdentityTestHost(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async Task<long> CountClientsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        return await applications.CountAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A port nothing listens on now; a restarted host reuses it so the issuer stays the same.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
