namespace SafetyReports.Intake.Pages.IntakeSite;

/// <summary>
/// <c>/unsubscribe?t=…</c>, the link in every reporter mail: a page that stops the mails about one report and offers to erase
/// the contact as well; a POST with <c>List-Unsubscribe=One-Click</c> is RFC 8058's one-click unsubscribe a mail program sends.
/// The signed token is the credential: no antiforgery token (a mail program has none), and a token that is not ours is a 404.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(ReportIntake intake, ReporterLinks links) : PageModel
{
    public const string TokenField = "t";
    public const string EraseField = "erase";

    [BindProperty(Name = TokenField, SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty(Name = EraseField)]
    public bool Erase { get; set; }

    /// <summary>Set after the POST: the mails are stopped (and the contact erased when <see cref="Erase"/>).</summary>
    public bool Done { get; private set; }

    public IActionResult OnGet()
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        return links.ReadUnsubscribeToken(Token) is null ? Invalid() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        if (!await intake.UnsubscribeAsync(Token, Erase, cancellationToken))
        {
            return Invalid();
        }

        Done = true;
        return Page();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
