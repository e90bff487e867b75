using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Authorization;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Identity;

/// <summary>
/// A maintainer locked by an admin while signed in to the portal loses it at the portal's next token refresh,
/// which the portal's short access token lifetime (<c>SafetyReports:Portal:AccessTokenLifetime</c>) brings about.
/// </summary>
public class LockedMaintainerPortalTests
{
    private const string Email = "locked.maintainer@example.org";
    private const string Password = "locked maintainer passphrase";
    private static readonly TestClient IdentityAdmin = new("locked-maintainer-identity-admin", "locked-maintainer-identity-admin-secret-01", "identity:admin");

    [Fact]
    public async Task A_locked_maintainer_is_turned_out_of_the_portal_at_the_next_token_refresh()
    {
        await using var system = await StandaloneSystem.StartAsync(new Dictionary<string, string>
        {
            ["SafetyReports:Identity:Clients:20:ClientId"] = IdentityAdmin.ClientId,
            ["SafetyReports:Identity:Clients:20:ClientSecret"] = IdentityAdmin.Secret,
            ["SafetyReports:Identity:Clients:20:Scopes:0"] = IdentityAdmin.Scope,
            // Shorter than the portal's refresh margin: every page refreshes first, so the lock shows at the next page.
            ["SafetyReports:Portal:AccessTokenLifetime"] = "00:00:05",
        });
        var cancel = TestContext.Current.CancellationToken;
        string userId;
        using (var created = await system.Api.SendAsync(HttpMethod.Post, system.Url, "/api/v1/identity/users", IdentityAdmin,
            new { email = Email, password = Password, roles = new[] { "triager" } }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            userId = JsonNode.Parse(await created.Content.ReadAsStringAsync(cancel))!["id"]!.GetValue<string>();
        }

        using var portal = await PortalSession.SignInAsync(system.Url, Email, Password, []);
        for (var page = 0; page < 2; page++)
        {
            using var refreshed = await portal.GetAsync("portal", cancel);
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        }

        using (var locked = await system.Api.SendAsync(HttpMethod.Post, system.Url, $"/api/v1/identity/users/{userId}/lock", IdentityAdmin))
        {
            Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        }

        var visited = new List<string>();
        var response = await portal.GetAsync("portal", cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using (response = await PortalSession.FollowAsync(portal, response, [], visited))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("/account/login", response.RequestMessage!.RequestUri!.AbsolutePath);
        }

        Assert.DoesNotContain("/portal", visited.Skip(1));
    }
}
