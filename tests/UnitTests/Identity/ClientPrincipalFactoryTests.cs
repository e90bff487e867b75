using OpenIddict.Abstractions;
using SafetyReports.Identity.Tokens;

namespace SafetyReports.UnitTests.Identity;

public class ClientPrincipalFactoryTests
{
    [Fact]
    public void The_principal_names_the_client_its_scopes_and_its_host_for_the_access_token()
    {
        var principal = ClientPrincipalFactory.Create("hub", ["host"], "huggingface");

        Assert.Equal("hub", principal.GetClaim(OpenIddictConstants.Claims.Subject));
        Assert.Equal(["host"], principal.GetScopes());
        Assert.Equal("huggingface", principal.GetClaim("host_id"));
        Assert.All(principal.Claims, claim => Assert.Equal([OpenIddictConstants.Destinations.AccessToken], claim.GetDestinations()));
    }

    [Fact]
    public void A_client_without_host_gets_no_host_claim()
    {
        var principal = ClientPrincipalFactory.Create("bot", ["triage", "notifications:admin"], hostId: null);

        Assert.Null(principal.GetClaim("host_id"));
        Assert.Equal(["notifications:admin", "triage"], principal.GetScopes().Order(StringComparer.Ordinal));
    }
}
