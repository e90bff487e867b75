namespace SafetyReports.Portal.Pages.Portal;

/// <summary><c>/portal/signed-out</c>: after signing out, or when the provider refused or failed the sign-in (<c>?failed=1</c>).</summary>
public sealed class SignedOutModel : PageModel
{
    public bool Failed { get; private set; }

    public void OnGet(string? failed) => Failed = failed == "1";
}
