namespace SafetyReports.Intake.Pages.IntakeSite.Transparency;

/// <summary><c>/advisories</c>: the published advisories, newest change first, a page at a time (<c>?cursor=</c>), and where the feeds are.</summary>
public sealed class AdvisoriesModel(TransparencyReader reader) : AdvisoryPageModel
{
    public const string Path = "/advisories";

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public PublishedAdvisories? List { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (outcome, list) = await reader.AdvisoriesAsync(Cursor, cancellationToken);
        List = list;
        Answered(outcome);
    }

    public static string Link(string id) => $"{Path}/{Uri.EscapeDataString(id)}";
}
