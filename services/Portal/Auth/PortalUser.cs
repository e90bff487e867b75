using System.Security.Claims;

namespace SafetyReports.Portal.Auth;

/// <summary>What the portal reads from a signed-in user's claims (those of the id token, kept in the session).</summary>
public static class PortalUser
{
    public const string HostHome = "/portal/host";

    public static bool IsMaintainer(ClaimsPrincipal user) => Roles.Maintainers.Any(user.IsInRole);

    /// <summary>The host a host user is bound to (claim <c>host_id</c>); null for maintainers and for a host user without one.</summary>
    public static string? HostIdOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Host) && user.FindFirst(Scopes.HostIdClaim)?.Value is { } id && !string.IsNullOrWhiteSpace(id) ? id : null;

    /// <summary>
    /// Where a user refused a page goes instead of the Forbidden page: a host user who asked for the portal's front
    /// page (the maintainers' queue) lands in the host inbox. Null otherwise (the Forbidden page).
    /// </summary>
    public static string? LandingInsteadOfForbidden(ClaimsPrincipal user, PathString path) =>
        HostIdOf(user) is not null && !IsMaintainer(user) && (path == PortalSchemes.BasePath || path == PortalSchemes.BasePath + "/")
            ? HostHome
            : null;
}
