namespace SafetyReports.Intake.Pages.IntakeSite.Transparency;

/// <summary><c>/advisories/{id}</c>: one advisory, everything it publishes, with links to its OSV and AVID JSON.</summary>
public sealed class AdvisoryModel(TransparencyReader reader) : AdvisoryPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public PublishedAdvisory? Advisory { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Only an id of the advisories' form is asked for: anything else is no advisory (and never reaches Triage).
        if (!System.Text.RegularExpressions.Regex.IsMatch(Id, @"^SR-\d{4}-\d{4,9}$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            Answered(TransparencyOutcome.NotFound);
            return;
        }

        var (outcome, advisory) = await reader.AdvisoryAsync(Id, cancellationToken);
        Advisory = advisory;
        Answered(outcome);
    }
}
