namespace SafetyReports.Portal.Auth;

/// <summary>The portal's own authentication schemes and paths. The process default scheme (bearer tokens for the APIs) is left alone.</summary>
public static class PortalSchemes
{
    public const string Cookie = "SafetyReports.Portal";
    public const string OpenIdConnect = "SafetyReports.Portal.Oidc";

    public const string CookieName = "safetyreports.portal";
    public const string BasePath = "/portal";
    public const string CallbackPath = "/portal/signin-oidc";
    public const string SignedOutCallbackPath = "/portal/signout-callback-oidc";
    public const string RemoteSignOutPath = "/portal/signout-oidc";
    public const string ForbiddenPath = "/portal/forbidden";
    public const string SignedOutPath = "/portal/signed-out";

    /// <summary>
    /// Identity gives each user the API scopes of their roles (the intersection with these), so a triager asking for admin
    /// scopes gets only <c>triage</c>, and a host user only <c>host</c> (maintainers never get it).
    /// </summary>
    public static readonly IReadOnlyList<string> RequestedScopes =
        ["openid", "profile", "email", "roles", "offline_access", "triage", "notifications:admin", "identity:admin", "host"];
}
