using SafetyReports.IntegrationTests.Authorization;
using SafetyReports.IntegrationTests.Identity;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.HostileInput;

/// <summary>
/// A Standalone system with a first admin (who signs in to the portal over plain HTTP, as a browser without
/// JavaScript) and a machine client of scope <c>identity:admin</c> to read users and clients before and after.
/// </summary>
public class PortalHostileInputFixture : IAsyncLifetime
{
    public const string AdminEmail = "portal.hostile.admin@example.org";
    public const string AdminPassword = "portal hostile admin passphrase";
    public static readonly TestClient IdentityAdmin = new("portal-hostile-identity-admin", "portal-hostile-identity-admin-secret-0123", "identity:admin");

    private StandaloneSystem? _system;

    public StandaloneSystem System => _system ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _system = await StandaloneSystem.StartAsync(new Dictionary<string, string>
    {
        ["SafetyReports:Identity:Admin:Email"] = AdminEmail,
        ["SafetyReports:Identity:Admin:Password"] = AdminPassword,
        ["SafetyReports:Identity:Clients:20:ClientId"] = IdentityAdmin.ClientId,
        ["SafetyReports:Identity:Clients:20:ClientSecret"] = IdentityAdmin.Secret,
        ["SafetyReports:Identity:Clients:20:Scopes:0"] = IdentityAdmin.Scope,
        // Test sends are one of the forms under test; their limit has a test of its own.
        ["SafetyReports:Notification:TestSendsPerMinute"] = "100000",
    });

    /// <summary>The first admin signed in to the portal, with an antiforgery token for its forms.</summary>
    public async Task<PortalForms> SignedInAdminAsync()
    {
        var http = await PortalSession.SignInAsync(System.Url, AdminEmail, AdminPassword, []);
        using var page = await http.GetAsync("portal/admin/users", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new PortalForms(http, OidcBrowser.HiddenValue(html, "__RequestVerificationToken"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }
}
