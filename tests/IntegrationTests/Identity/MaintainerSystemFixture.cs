using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Identity;

/// <summary>A Standalone system (Identity plus the APIs in one process) with a first admin and an interactive client (which may ask for <c>host</c>, as the portal's does).</summary>
public sealed class MaintainerSystemFixture : IAsyncLifetime
{
    public const string AdminEmail = "first.admin@example.org";
    public const string AdminPassword = "admin start-up passphrase";
    public const string ClientId = "test-portal-flow";
    public const string ClientSecret = "portal-flow-secret-0123456789";
    public const string RedirectUri = "http://127.0.0.1:9/portal/signin-oidc";
    public const string PostLogoutRedirectUri = "http://127.0.0.1:9/portal/signout-callback-oidc";

    private StandaloneSystem? _system;

    public StandaloneSystem System => _system ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        // A high index leaves room for the clients every test system is seeded with.
        _system = await StandaloneSystem.StartAsync(new Dictionary<string, string>
        {
            ["SafetyReports:Identity:Admin:Email"] = AdminEmail,
            ["SafetyReports:Identity:Admin:Password"] = AdminPassword,
            ["SafetyReports:Identity:Clients:20:ClientId"] = ClientId,
            ["SafetyReports:Identity:Clients:20:ClientSecret"] = ClientSecret,
            ["SafetyReports:Identity:Clients:20:Scopes:0"] = "triage",
            ["SafetyReports:Identity:Clients:20:Scopes:1"] = "notifications:admin",
            ["SafetyReports:Identity:Clients:20:Scopes:2"] = "identity:admin",
            ["SafetyReports:Identity:Clients:20:Scopes:3"] = "host",
            ["SafetyReports:Identity:Clients:20:RedirectUris:0"] = RedirectUri,
            ["SafetyReports:Identity:Clients:20:PostLogoutRedirectUris:0"] = PostLogoutRedirectUri,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }
}
