using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;

namespace SafetyReports.Identity.Tokens;

/// <summary>The identity a machine client's access token describes.</summary>
public static class ClientPrincipalFactory
{
    public static ClaimsPrincipal Create(string clientId, IEnumerable<string> scopes, string? hostId)
    {
        var identity = new ClaimsIdentity(
            authenticationType: TokenValidationParameters.DefaultAuthenticationType,
            nameType: OpenIddictConstants.Claims.Name,
            roleType: OpenIddictConstants.Claims.Role);

        identity.SetClaim(OpenIddictConstants.Claims.Subject, clientId);
        identity.SetClaim(OpenIddictConstants.Claims.Name, clientId);
        identity.SetScopes(scopes);
        if (!string.IsNullOrWhiteSpace(hostId))
        {
            identity.SetClaim(Scopes.HostIdClaim, hostId);
        }

        // Machine clients get access tokens only; every claim above belongs in them.
        identity.SetDestinations(static _ => [OpenIddictConstants.Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
