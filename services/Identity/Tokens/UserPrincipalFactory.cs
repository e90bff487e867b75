using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;

namespace SafetyReports.Identity.Tokens;

/// <summary>The identity a signed-in user's tokens describe.</summary>
public static class UserPrincipalFactory
{
    /// <summary>
    /// <c>sub</c> is the user id; <c>name</c> and <c>email</c> the e-mail; one <c>role</c> claim per role; for a host
    /// user, <c>host_id</c>, the host its API calls act for (as a host client's token has it).
    /// Every claim goes into both the access token (for the APIs) and the id token (for the client's UI).
    /// </summary>
    /// <param name="hostId">The user's host id; kept only for a user with the <c>host</c> role.</param>
    public static ClaimsPrincipal Create(
        string userId, string email, IEnumerable<string> roles, IEnumerable<string> scopes, string? hostId = null, string? authorizationId = null)
    {
        var roleList = roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var identity = new ClaimsIdentity(
            authenticationType: TokenValidationParameters.DefaultAuthenticationType,
            nameType: OpenIddictConstants.Claims.Name,
            roleType: Roles.ClaimType);

        identity.SetClaim(OpenIddictConstants.Claims.Subject, userId);
        identity.SetClaim(OpenIddictConstants.Claims.Name, email);
        identity.SetClaim(OpenIddictConstants.Claims.Email, email);
        identity.SetClaims(Roles.ClaimType, [.. roleList]);
        if (roleList.Contains(Roles.Host) && !string.IsNullOrWhiteSpace(hostId))
        {
            identity.SetClaim(Scopes.HostIdClaim, hostId);
        }

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
