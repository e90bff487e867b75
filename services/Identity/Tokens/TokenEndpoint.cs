using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using SafetyReports.Identity.Throttling;

namespace SafetyReports.Identity.Tokens;

/// <summary>
/// <c>POST /connect/token</c>. OpenIddict has already authenticated the client, checked the grant type
/// and every requested scope against the client's permissions, and (for codes) the PKCE verifier; this
/// decides what the token says.
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/connect/token";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, IssueAsync).ExcludeFromDescription().RequireRateLimiting(TokenRequestLimitPolicy.Name)
            .WithMetadata(OAuthFormErrors.Undecodable);
        return endpoints;
    }

    private static async Task<IResult> IssueAsync(
        HttpContext context,
        IOpenIddictApplicationManager applications,
        UserManager<IdentityUser> users,
        IOptions<IdentityServiceOptions> options,
        CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The token endpoint was reached without an OpenIddict request.");

        if (request.IsClientCredentialsGrantType() && !string.IsNullOrEmpty(request.ClientId))
        {
            return await ForClientAsync(request, applications, options.Value.EvidenceClients, cancellationToken);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            return await ForUserAsync(context, users);
        }

        return OpenIddictErrors.Forbid(OpenIddictConstants.Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> ForClientAsync(
        OpenIddictRequest request, IOpenIddictApplicationManager applications, EvidenceClientOptions evidenceClients, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
            ?? throw new InvalidOperationException("An authenticated client is missing from the store.");

        // RFC 6749 §3.3: without a scope parameter the client gets the scopes it was granted.
        var requested = request.GetScopes();
        var scopes = requested.IsDefaultOrEmpty
            ? ClientProperties.GrantedScopes(await applications.GetPermissionsAsync(application, cancellationToken))
            : requested;
        // A client stored before the evidence scopes were reserved (or edited in the store) still gets no such token.
        if (evidenceClients.Refusals(request.ClientId, scopes).Count > 0)
        {
            return OpenIddictErrors.Forbid(OpenIddictConstants.Errors.InvalidScope, "A scope this client holds is reserved for another client.");
        }

        var hostId = ClientProperties.ReadHostId(await applications.GetPropertiesAsync(application, cancellationToken));

        var principal = ClientPrincipalFactory.Create(request.ClientId!, scopes, hostId);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// A code or refresh token names a user as they were; the account is read again so a deleted or
    /// locked account gets nothing more, and changed roles change the claims and scopes from now on.
    /// </summary>
    private static async Task<IResult> ForUserAsync(HttpContext context, UserManager<IdentityUser> users)
    {
        var grant = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var userId = grant.Principal?.GetClaim(OpenIddictConstants.Claims.Subject);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null)
        {
            return OpenIddictErrors.Forbid(OpenIddictConstants.Errors.InvalidGrant, "The account no longer exists.");
        }

        if (await users.IsLockedOutAsync(user))
        {
            return OpenIddictErrors.Forbid(OpenIddictConstants.Errors.InvalidGrant, "The account is locked.");
        }

        var roles = await users.GetRolesAsync(user);
        var principal = UserPrincipalFactory.Create(
            user.Id, user.Email!, roles, ScopeGrant.For(grant.Principal!.GetScopes(), roles), await HostUsers.HostIdOfAsync(users, user),
            grant.Principal!.GetAuthorizationId());
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
