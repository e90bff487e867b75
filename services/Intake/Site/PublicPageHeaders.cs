namespace SafetyReports.Intake.Site;

/// <summary>
/// Headers every page of the public site sends. The pages carry no inline script or style, so the
/// policy can allow only this origin; nothing may frame them, forms post only here, and no page is
/// stored by a browser or proxy cache (they may hold a status token or a half-written report).
/// </summary>
public sealed class PublicPageHeaders() : PageSecurityHeaders(ContentSecurityPolicy)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; worker-src 'self'; " +
        "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    protected override void AddSiteHeaders(IHeaderDictionary headers) => headers["Permissions-Policy"] = NoDevicePermissions;
}
