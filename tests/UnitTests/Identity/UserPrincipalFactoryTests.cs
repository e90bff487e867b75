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
}
