using Microsoft.AspNetCore;
using OpenIddict.Abstractions;

namespace SafetyReports.Identity.Tokens;

/// <summary>
/// <c>GET/POST /connect/authorize</c>. OpenIddict has validated the client, its redirect URI, the
/// requested scopes and the PKCE challenge; this decides who the user is. Not signed in at Identity:
/// to the login page and back. Signed in: a code for the user's claims, without a consent screen
/// (only configured first-party clients can get here).
/// </summary>
public static class AuthorizationEndpoint
{
    public const string Path = "/connect/authorize";

    public static IEndpointRouteBuilder MapAuthorizationEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).ExcludeFromDescription().WithMetadata(OAuthFormErrors.Undecodable);
        return endpoints;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<IdentityUser> users)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The authorization endpoint was reached without an OpenIddict request.");

        var session = await context.AuthenticateAsync(IdentityCookie.Scheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
        if (user is not null && await users.IsLockedOutAsync(user))
        {
            // Locked since signing in (by an admin or by failed attempts elsewhere): the session ends here.
            await context.SignOutAsync(IdentityCookie.Scheme);
            user = null;
        }

        if (user is null)
        {
            if (request.HasPromptValue(OpenIddictConstants.PromptValues.None))
            {
                return OpenIddictErrors.Forbid(OpenIddictConstants.Errors.LoginRequired, "The user is not signed in.");
            }

            var parameters = context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList();
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityCookie.Scheme]);
        }

        var roles = await users.GetRolesAsync(user);
        var principal = UserPrincipalFactory.Create(
            user.Id, user.Email!, roles, ScopeGrant.For(request.GetScopes(), roles), await HostUsers.HostIdOfAsync(users, user));
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
