using OpenIddict.Abstractions;
using SafetyReports.Identity.Tokens;

namespace SafetyReports.UnitTests.Identity;

public class UserPrincipalFactoryTests
{
    [Fact]
    public void A_user_is_described_by_id_email_and_one_role_claim_per_role_in_both_tokens()
    {
        var principal = UserPrincipalFactory.Create("user-1", "tina@example.org", ["triager", "admin", "admin"], ["openid", "triage"]);

        Assert.Equal("user-1", principal.GetClaim(OpenIddictConstants.Claims.Subject));
        Assert.Equal("tina@example.org", principal.GetClaim(OpenIddictConstants.Claims.Name));
        Assert.Equal("tina@example.org", principal.GetClaim(OpenIddictConstants.Claims.Email));
        Assert.Equal("tina@example.org", principal.Identity!.Name);
        Assert.Equal(["admin", "triager"], principal.GetClaims("role"));
        Assert.True(principal.IsInRole("admin"));
        Assert.Equal(["openid", "triage"], principal.GetScopes());
        Assert.Null(principal.GetAuthorizationId());

        foreach (var claim in principal.Claims.Where(c => c.Type is "sub" or "name" or "email" or "role"))
        {
            Assert.Equal([OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken], claim.GetDestinations());
        }
    }

    [Fact]
    public void A_refreshed_principal_keeps_its_authorization()
    {
        var principal = UserPrincipalFactory.Create("user-1", "tina@example.org", [], [], authorizationId: "auth-1");

        Assert.Equal("auth-1", principal.GetAuthorizationId());
    }

    [Fact]
    public void A_host_user_carries_role_host_and_its_host_id_in_both_tokens()
    {
        var principal = UserPrincipalFactory.Create("user-2", "hana@hub-a.example", ["host"], ["openid", "host"], hostId: "hub-a");

        Assert.Equal(["host"], principal.GetClaims("role"));
        Assert.Equal("hub-a", principal.GetClaim("host_id"));
        Assert.Equal(["openid", "host"], principal.GetScopes());
        Assert.Equal(
            [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
            principal.Claims.Single(c => c.Type == "host_id").GetDestinations());
    }

    [Fact]
    public void Only_a_host_user_carries_a_host_id()
    {
        var principal = UserPrincipalFactory.Create("user-1", "tina@example.org", ["admin"], ["openid", "triage"], hostId: "hub-a");

        Assert.Null(principal.GetClaim("host_id"));
    }
}
