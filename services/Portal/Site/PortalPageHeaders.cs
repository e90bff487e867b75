namespace SafetyReports.Portal.Site;

/// <summary>
/// Headers every portal page sends. No inline script or style anywhere, so the policy allows only this
/// origin; forms may also lead to the OpenID Connect provider, because signing out (a form) and signing
/// in again after an expired session redirect there, and browsers apply form-action to those redirects.
/// Pages hold reporter data: no cache keeps them.
/// </summary>
public sealed class PortalPageHeaders(IOptions<PortalOptions> options) : PageSecurityHeaders(ContentSecurityPolicyFor(options.Value.Authority))
{
    public static string ContentSecurityPolicyFor(string? authority)
    {
        var formAction = "'self'";
        if (Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            formAction += " " + uri.GetLeftPart(UriPartial.Authority);
        }

        return "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; media-src 'self'; connect-src 'none'; " +
            $"object-src 'none'; frame-ancestors 'none'; form-action {formAction}; base-uri 'none'";
    }

    protected override void AddSiteHeaders(IHeaderDictionary headers)
    {
        headers["Permissions-Policy"] = NoDevicePermissions;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}
