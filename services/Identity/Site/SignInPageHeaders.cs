namespace SafetyReports.Identity.Site;

/// <summary>
/// Headers of the sign-in pages. No script at all and only this origin's stylesheet. There is no
/// <c>form-action</c>: browsers apply it to the redirects that follow a form post, and a successful
/// sign-in redirects on to the client's registered redirect URI, which may be another origin.
/// </summary>
public sealed class SignInPageHeaders() : PageSecurityHeaders(ContentSecurityPolicy)
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'";
}
