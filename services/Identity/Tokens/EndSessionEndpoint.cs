using OpenIddict.Abstractions;

namespace SafetyReports.Identity.Tokens;

/// <summary>
/// <c>GET/POST /connect/logout</c> (RP-initiated logout): ends the Identity session only when the request carries
/// an <c>id_token_hint</c> (checked by OpenIddict: our signature and issuer) for the user signed in here, as the
/// portal's sign-out sends; then OpenIddict sends the browser to the <c>post_logout_redirect_uri</c> if the client
/// registered it, else to the signed-out page. Without such a hint a signed-in user is only asked
/// (<c>/account/logout</c>, a form with antiforgery): a bare link or a cross-site form must not sign anyone out.
/// </summary>
public static class EndSessionEndpoint
{
    public const string Path = "/connect/logout";

    public static IEndpointRouteBuilder MapEndSessionEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], (Delegate)SignOutAsync).ExcludeFromDescription().WithMetadata(OAuthFormErrors.Undecodable);
        return endpoints;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, UserManager<IdentityUser> users)
    {
        var session = await context.AuthenticateAsync(IdentityCookie.Scheme);
        if (session.Succeeded)
        {
            var hint = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var hinted = hint.Principal?.GetClaim(OpenIddictConstants.Claims.Subject);
            if (hinted is null || !string.Equals(hinted, users.GetUserId(session.Principal!), StringComparison.Ordinal))
            {
                return Results.Redirect(LoginPaths.Logout);
            }

            await context.SignOutAsync(IdentityCookie.Scheme);
        }

        // Signed out now (or never signed in here): nothing to end, so the client may have its browser back.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = LoginPaths.Logout }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
