using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.Identity.Tokens;

/// <summary>The identity a signed-in maintainer's tokens describe.</summary>
public static class UserPrincipalFactory
{
    /// <summary>
    /// <c>sub</c> is the user id; <c>name</c> and <c>email</c> the e-mail; one <c>role</c> claim per role.
    /// Every claim goes into both the access token (for the APIs) and the id token (for the client's UI).
    /// </summary>
    public static ClaimsPrincipal Create(string userId, string email, IEnumerable<string> roles, IEnumerable<string> scopes, string? authorizationId = null)
    {
        var identity = new ClaimsIdentity(
            authenticationType: TokenValidationParameters.DefaultAuthenticationType,
            nameType: OpenIddictConstants.Claims.Name,
            roleType: Roles.ClaimType);

        identity.SetClaim(OpenIddictConstants.Claims.Subject, userId);
        identity.SetClaim(OpenIddictConstants.Claims.Name, email);
        identity.SetClaim(OpenIddictConstants.Claims.Email, email);
        identity.SetClaims(Roles.ClaimType, [.. roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
        identity.SetScopes(scopes);
        if (authorizationId is not null)
        {
            // Keeps refreshed tokens tied to the authorization of the first sign-in, so revoking it revokes them all.
            identity.SetAuthorizationId(authorizationId);
        }

        identity.SetDestinations(static _ => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }
}
