namespace SafetyReports.Intake.Pages.IntakeSite;

/// <summary><c>/about</c>: how reporting works, what happens to a report, privacy, the anti-spam check, the API.</summary>
public sealed class AboutModel : PageModel
{
    public void OnGet()
    {
    }
}
