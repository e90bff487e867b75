using Microsoft.AspNetCore.Authorization;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.Portal.Auth;

/// <summary>
/// Every portal page needs a signed-in triager or admin; admin pages need an admin. Each policy names the
/// portal's cookie scheme itself: the process default stays the APIs' bearer-token scheme.
/// </summary>
public static class PortalPolicies
{
    public const string User = "SafetyReports.Portal.User";
    public const string Admin = "SafetyReports.Portal.Admin";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(User, policy => policy
            .AddAuthenticationSchemes(PortalSchemes.Cookie)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Triager, Roles.Admin));
        options.AddPolicy(Admin, policy => policy
            .AddAuthenticationSchemes(PortalSchemes.Cookie)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Admin));
    }
}
