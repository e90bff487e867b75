using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Server.AspNetCore;
using SafetyReports.Identity.Site;

namespace SafetyReports.Identity.Tokens;

/// <summary>
/// <c>GET/POST /connect/logout</c> (RP-initiated logout): ends the Identity session, then OpenIddict
/// sends the browser to the <c>post_logout_redirect_uri</c> if the client registered it, else to the
/// signed-out page.
/// </summary>
public static class EndSessionEndpoint
{
    public const string Path = "/connect/logout";

    public static IEndpointRouteBuilder MapEndSessionEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], (Delegate)SignOutAsync).ExcludeFromDescription().WithMetadata(OAuthFormErrors.Undecodable);
        return endpoints;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(IdentityCookie.Scheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = LoginPaths.Logout }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
