using Microsoft.AspNetCore.Authentication.Cookies;

namespace SafetyReports.Identity.Site;

/// <summary>
/// The maintainers' session at Identity: its own named scheme, never the process default (in
/// Standalone the APIs' default stays bearer tokens). The authorization endpoint reads it; only the
/// login page writes it.
/// </summary>
public static class IdentityCookie
{
    public const string Scheme = "SafetyReports.Identity";
    public const string CookieName = "safetyreports.identity";

    /// <summary>How long a sign-in at Identity lasts without use; each use renews it.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.Path = "/";
        options.Cookie.HttpOnly = true;
        // Lax: the cookie must come along when a client's top-level redirect brings the browser to /connect/authorize.
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.IsEssential = true;
        options.LoginPath = LoginPaths.Login;
        options.LogoutPath = LoginPaths.Logout;
        options.ReturnUrlParameter = LoginPaths.ReturnUrlParameter;
        options.ExpireTimeSpan = IdleTimeout;
        options.SlidingExpiration = true;
    }
}
