using System.Security.Claims;
using OpenIddict.Abstractions;
using SafetyReports.Notification.Api;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.UnitTests.Notification;

public class HostAccessTests
{
    private static ClaimsPrincipal Client(string scope, string? hostId = null)
    {
        var identity = new ClaimsIdentity("test");
        if (hostId is not null)
        {
            identity.AddClaim(new Claim(Scopes.HostIdClaim, hostId));
        }

        return new ClaimsPrincipal(identity).SetScopes(scope);
    }

    [Fact]
    public void An_admin_manages_every_host()
    {
        Assert.True(HostAccess.CanManage(Client(Scopes.NotificationsAdmin), "hub-a"));
        Assert.True(HostAccess.CanManage(Client(Scopes.NotificationsAdmin), "hub-b"));
        Assert.Null(HostAccess.OwnHost(Client(Scopes.NotificationsAdmin)));
    }

    [Fact]
    public void A_host_client_manages_only_the_host_it_is_bound_to()
    {
        var hostA = Client(Scopes.Host, "hub-a");
        Assert.True(HostAccess.CanManage(hostA, "hub-a"));
        Assert.False(HostAccess.CanManage(hostA, "hub-b"));
        Assert.Equal("hub-a", HostAccess.OwnHost(hostA));
    }

    [Fact]
    public void A_host_client_without_a_binding_or_a_binding_without_the_scope_manages_nothing()
    {
        Assert.False(HostAccess.CanManage(Client(Scopes.Host), "hub-a"));
        Assert.Null(HostAccess.OwnHost(Client(Scopes.Host, "")));
        Assert.False(HostAccess.CanManage(Client(Scopes.Triage, "hub-a"), "hub-a"));
    }
}
