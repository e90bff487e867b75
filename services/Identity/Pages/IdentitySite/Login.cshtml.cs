using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafetyReports.Identity.Throttling;

namespace SafetyReports.Identity.Pages.IdentitySite;

/// <summary>
/// <c>GET/POST /account/login?ReturnUrl=…</c>: a maintainer or a host user signs in to Identity, then goes back to
/// the (local) return URL, normally <c>/connect/authorize?…</c>. Answers never tell whether an e-mail
/// has an account: a wrong password and an unknown e-mail read the same, both lock out alike, and every
/// attempt verifies one password hash (a <see cref="DecoyPasswordHash"/> when there is none to check), so
/// neither does the time an answer takes.
/// </summary>
// The antiforgery token is checked in the handler so an expired form is shown again with a message.
[IgnoreAntiforgeryToken]
public sealed class LoginModel(
    SignInManager<IdentityUser> signIn,
    UserManager<IdentityUser> users,
    UnknownAccountThrottle unknownAccounts,
    SignInAttemptLimiter addressLimiter,
    DecoyPasswordHash decoy,
    IAntiforgery antiforgery) : PageModel
{
    public const string WrongCredentials = "The e-mail or password is not right.";
    public const string FormExpired = "The form expired. Please sign in again.";
    public const string Missing = "Enter your e-mail and password.";

    public static readonly string LockedOut =
        $"Too many failed attempts: sign-in is locked for {(int)MaintainerAccounts.LockoutDuration.TotalMinutes} minutes. Try again later, or ask an admin to unlock the account.";

    [BindProperty(SupportsGet = true, Name = LoginPaths.ReturnUrlParameter)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public string? SignedInAs { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var session = await HttpContext.AuthenticateAsync(IdentityCookie.Scheme);
        if (session.Succeeded)
        {
            if (IsSafeReturnUrl(ReturnUrl))
            {
                return LocalRedirect(ReturnUrl!);
            }

            SignedInAs = session.Principal.Identity?.Name;
        }

        return Page();
    }

    public static string TooManyAttempts(int seconds) =>
        $"Too many sign-in attempts from your network. Wait {seconds} seconds, then try again.";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!addressLimiter.TryAcquire(HttpContext.Connection.RemoteIpAddress, out var retryAfter))
        {
            var seconds = ClientAddressLimiter.Seconds(retryAfter);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Error = TooManyAttempts(seconds);
            return Page();
        }

        if (!await antiforgery.IsValidFormPostAsync(HttpContext))
        {
            Error = FormExpired;
            return Page();
        }

        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(Password))
        {
            Error = Missing;
            return Page();
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Spend the time a real check would, then fail as a real account would.
            decoy.Verify(users.PasswordHasher, Password);
            Error = unknownAccounts.IsLockedOut(email) || unknownAccounts.RecordFailure(email) ? LockedOut : WrongCredentials;
            return Page();
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Identity refuses a locked account without looking at the password: look at one anyway.
            decoy.Verify(users.PasswordHasher, Password);
            Error = LockedOut;
            return Page();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            Error = result.IsLockedOut ? LockedOut : WrongCredentials;
            return Page();
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        await HttpContext.SignInAsync(IdentityCookie.Scheme, principal, new AuthenticationProperties { IsPersistent = false });
        return IsSafeReturnUrl(ReturnUrl) ? LocalRedirect(ReturnUrl!) : RedirectToPage();
    }

    private bool IsSafeReturnUrl(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl);
}
