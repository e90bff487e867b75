using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace SafetyReports.Portal.Auth;

/// <summary>
/// <c>/portal/signout-oidc</c> (front-channel sign-out from the provider) ends a session only for a request naming
/// that session's <c>sid</c>. The handler's own check is skipped when the session has no <c>sid</c>, and Identity
/// issues none (OpenIddict has no front-channel logout), so any link or <c>&lt;img&gt;</c> signed a maintainer out.
/// Maintainers sign out with the portal's form (<c>POST /portal/signout</c>, antiforgery).
/// </summary>
public static class RemoteSignOutCheck
{
    public static async Task RequireTheSessionsSidAsync(RemoteSignOutContext context)
    {
        var session = await context.HttpContext.AuthenticateAsync(PortalSchemes.Cookie);
        var sid = session.Principal?.FindFirst("sid")?.Value;
        if (string.IsNullOrEmpty(sid) || !string.Equals(sid, context.ProtocolMessage?.Sid, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.HandleResponse();
        }
    }
}
