using Microsoft.AspNetCore.Authorization;

namespace SafetyReports.Portal.Auth;

/// <summary>
/// Who may open which portal page. Maintainers' pages need a signed-in triager or admin, admin pages an
/// admin, the host inbox a host user bound to a host (role <c>host</c> and the <c>host_id</c> claim), and
/// signing out anyone signed in. Each policy names the portal's cookie scheme itself: the process default
/// stays the APIs' bearer-token scheme.
/// </summary>
public static class PortalPolicies
{
    /// <summary>Maintainers: role triager or admin.</summary>
    public const string User = "SafetyReports.Portal.User";
    public const string Admin = "SafetyReports.Portal.Admin";
    public const string Host = "SafetyReports.Portal.Host";

    /// <summary>Anyone with a portal role (maintainer or host user).</summary>
    public const string SignedIn = "SafetyReports.Portal.SignedIn";

    public const string HostFolder = "/Portal/Host/";
    public const string AdminFolder = "/Portal/Admin/";
    public const string SignOutPage = "/Portal/SignOut";

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
        options.AddPolicy(Host, policy => policy
            .AddAuthenticationSchemes(PortalSchemes.Cookie)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Host)
            .RequireAssertion(context => PortalUser.HostIdOf(context.User) is not null));
        options.AddPolicy(SignedIn, policy => policy
            .AddAuthenticationSchemes(PortalSchemes.Cookie)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Triager, Roles.Admin, Roles.Host));
    }

    /// <summary>
    /// The policy of a page under <c>/Portal</c> by its path (<c>/Portal/Admin/Users</c>): the host inbox is for host
    /// users only and every other page for maintainers only, so neither sees the other's pages (they get the Forbidden page).
    /// </summary>
    public static string ForPage(string viewEnginePath) => viewEnginePath switch
    {
        _ when viewEnginePath.StartsWith(HostFolder, StringComparison.Ordinal) => Host,
        _ when viewEnginePath.StartsWith(AdminFolder, StringComparison.Ordinal) => Admin,
        SignOutPage => SignedIn,
        _ => User,
    };
}
