using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SafetyReports.Identity.Pages.IdentitySite;

/// <summary>
/// <c>GET /account/logout</c> asks, <c>POST</c> (with antiforgery) signs out of Identity. Clients use
/// <c>/connect/logout</c> instead, which also returns the browser to them.
/// </summary>
[ValidateAntiForgeryToken]
public sealed class LogoutModel : PageModel
{
    public bool SignedOut { get; private set; }

    /// <summary>Already signed out (also where <c>/connect/logout</c> lands without a client to return to): say so.</summary>
    public async Task OnGetAsync() => SignedOut = !(await HttpContext.AuthenticateAsync(IdentityCookie.Scheme)).Succeeded;

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(IdentityCookie.Scheme);
        SignedOut = true;
        return Page();
    }
}
