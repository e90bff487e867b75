using SafetyReports.Portal.Auth;

namespace SafetyReports.Portal.Pages.Portal;

/// <summary>
/// <c>POST /portal/signout</c> (antiforgery): ends the session at the provider (end-session endpoint with
/// the id token as hint), removes the server-side session and the cookie, and lands on the signed-out page.
/// <c>GET</c> shows a button, so a link or a prefetch cannot sign anyone out.
/// </summary>
public sealed class SignOutModel : PortalPageModel
{
    public void OnGet()
    {
    }

    // The provider's handler reads the id token from the session before the cookie handler removes it.
    public IActionResult OnPost() =>
        SignOut(new AuthenticationProperties { RedirectUri = PortalSchemes.SignedOutPath }, PortalSchemes.OpenIdConnect, PortalSchemes.Cookie);
}
