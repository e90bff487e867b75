using SafetyReports.Portal.Auth;

namespace SafetyReports.Portal.Pages.Portal;

/// <summary><c>GET /portal/signin?returnUrl=…</c>: starts the OpenID Connect sign-in and comes back to a page inside the portal.</summary>
public sealed class SignInModel : PageModel
{
    public IActionResult OnGet(string? returnUrl) =>
        Challenge(new AuthenticationProperties { RedirectUri = LocalReturnUrl.Sanitize(returnUrl) }, PortalSchemes.OpenIdConnect);
}
