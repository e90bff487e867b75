using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using SafetyReports.Portal.Auth;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.UnitTests.Portal;

/// <summary>Which page needs which policy, what the portal reads from a user's claims, and where a host user lands.</summary>
public class PortalAccessTests
{
    private static ClaimsPrincipal User(string? hostId, params string[] roles)
    {
        var claims = roles.Select(r => new Claim(Roles.ClaimType, r)).ToList();
        if (hostId is not null)
        {
            claims.Add(new Claim(Scopes.HostIdClaim, hostId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", "name", Roles.ClaimType));
    }

    [Theory]
    [InlineData("/Portal/Host/Index", PortalPolicies.Host)]
    [InlineData("/Portal/Host/Report", PortalPolicies.Host)]
    [InlineData("/Portal/Host/Subscriptions", PortalPolicies.Host)]
    [InlineData("/Portal/Admin/Users", PortalPolicies.Admin)]
    [InlineData("/Portal/Admin/Host", PortalPolicies.Admin)]
    [InlineData("/Portal/SignOut", PortalPolicies.SignedIn)]
    [InlineData("/Portal/Index", PortalPolicies.User)]
    [InlineData("/Portal/Report", PortalPolicies.User)]
    [InlineData("/Portal/Dashboard", PortalPolicies.User)]
    // Names that only start like a folder are the maintainers' pages.
    [InlineData("/Portal/Hosts", PortalPolicies.User)]
    [InlineData("/Portal/SignOutAll", PortalPolicies.User)]
    public void Each_page_has_one_policy_by_its_folder(string page, string policy) => Assert.Equal(policy, PortalPolicies.ForPage(page));

    [Fact]
    public void A_host_user_is_bound_to_the_host_of_their_claim()
    {
        Assert.Equal("hub-a", PortalUser.HostIdOf(User("hub-a", Roles.Host)));
        Assert.Null(PortalUser.HostIdOf(User(null, Roles.Host)));
        Assert.Null(PortalUser.HostIdOf(User("  ", Roles.Host)));
        // A claim without the role binds no one (a maintainer's token never names a host, and this one does not count).
        Assert.Null(PortalUser.HostIdOf(User("hub-a", Roles.Triager)));
    }

    [Theory]
    [InlineData("/portal")]
    [InlineData("/portal/")]
    public void A_host_user_asking_for_the_front_page_lands_in_the_inbox(string path) =>
        Assert.Equal("/portal/host", PortalUser.LandingInsteadOfForbidden(User("hub-a", Roles.Host), new PathString(path)));

    [Theory]
    [InlineData("/portal/dashboard")]
    [InlineData("/portal/reports/8d1f0c0e-0000-0000-0000-000000000000")]
    [InlineData("/portal/admin/users")]
    public void A_host_user_on_any_other_maintainer_page_gets_the_forbidden_page(string path) =>
        Assert.Null(PortalUser.LandingInsteadOfForbidden(User("hub-a", Roles.Host), new PathString(path)));

    [Fact]
    public void Maintainers_and_unbound_users_refused_the_front_page_are_not_redirected()
    {
        // A maintainer is never refused /portal; these would be sent to the Forbidden page as before.
        Assert.Null(PortalUser.LandingInsteadOfForbidden(User(null, Roles.Triager), new PathString("/portal")));
        Assert.Null(PortalUser.LandingInsteadOfForbidden(User(null, Roles.Host), new PathString("/portal")));
        Assert.Null(PortalUser.LandingInsteadOfForbidden(User(null), new PathString("/portal")));
    }

    [Fact]
    public void The_portal_asks_for_the_host_scope_so_host_users_get_it()
    {
        Assert.Contains(Scopes.Host, PortalSchemes.RequestedScopes);
        Assert.Equal(PortalSchemes.RequestedScopes.Count, PortalSchemes.RequestedScopes.Distinct().Count());
    }
}
