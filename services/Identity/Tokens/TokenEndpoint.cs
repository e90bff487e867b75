using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using SafetyReports.Identity.Clients;

namespace SafetyReports.Identity.Tokens;

/// <summary>
/// <c>POST /connect/token</c>. OpenIddict has already authenticated the client and checked the
/// grant type and every requested scope against the client's permissions; this decides what the token says.
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/connect/token";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, IssueAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> IssueAsync(HttpContext context, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The token endpoint was reached without an OpenIddict request.");

        // The authorization code grant (portal, with PKCE) will be handled here too.
        if (!request.IsClientCredentialsGrantType() || string.IsNullOrEmpty(request.ClientId))
        {
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = OpenIddictConstants.Errors.UnsupportedGrantType,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "This grant type is not supported.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var application = await applications.FindByClientIdAsync(request.ClientId, cancellationToken)
            ?? throw new InvalidOperationException("An authenticated client is missing from the store.");

        // RFC 6749 §3.3: without a scope parameter the client gets the scopes it was granted.
        var requested = request.GetScopes();
        var scopes = requested.IsDefaultOrEmpty
            ? ClientProperties.GrantedScopes(await applications.GetPermissionsAsync(application, cancellationToken))
            : requested;
        var hostId = ClientProperties.ReadHostId(await applications.GetPropertiesAsync(application, cancellationToken));

        var principal = ClientPrincipalFactory.Create(request.ClientId, scopes, hostId);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
