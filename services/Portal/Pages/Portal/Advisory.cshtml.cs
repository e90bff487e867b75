namespace SafetyReports.Portal.Pages.Portal;

/// <summary>
/// <c>/portal/reports/{id}/advisory</c>: publish a resolved or disclosed report as an advisory, choosing which fields and
/// writing the text others will read; preview exactly what would be served (OSV and AVID) before publishing; revise or
/// withdraw it. Triage refuses an open report and checks every field (the errors are shown beside them).
/// </summary>
public sealed class AdvisoryModel(TriageClient triage) : PortalPageModel
{
    public static readonly string[] ApprovableFields = ["severity", "modelRevision", "hostResponse", "summary", "credit", "references", "aliases"];

    public static readonly string[] FormFields = ["fields", "summary", "credit", "references", "aliases", "expectedRevision"];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<string> Fields { get; set; } = [];

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? Credit { get; set; }

    /// <summary>One reference a line: <c>TYPE URL</c>, or a URL alone (type WEB).</summary>
    [BindProperty]
    public string? References { get; set; }

    /// <summary>Aliases separated by commas or spaces.</summary>
    [BindProperty]
    public string? Aliases { get; set; }

    [BindProperty]
    public int? ExpectedRevision { get; set; }

    public ReportDetail? Report { get; private set; }

    /// <summary>The advisory as published now; null when none was.</summary>
    public AdvisoryView? Current { get; private set; }

    /// <summary>What the form would publish, after a preview.</summary>
    public AdvisoryView? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        ShowDone(done);
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        if (Current?.Advisory is { } advisory)
        {
            (Fields, Summary, Credit, ExpectedRevision) = ([.. advisory.Fields], advisory.Summary, advisory.Credit, advisory.Revision);
            References = string.Join("\n", advisory.References.Select(r => $"{r.Type} {r.Url}"));
            Aliases = string.Join(", ", advisory.Aliases);
        }
        else
        {
            Fields = ["severity", "hostResponse"];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        var result = await triage.PreviewAdvisoryAsync(Id, Body(), cancellationToken);
        if (result.IsOk)
        {
            Preview = result.Value;
        }

        return await LoadAsync(cancellationToken) ?? (result.IsOk ? Page() : await ShowProblemAsync(result.Problem!, FormFields) ?? Page());
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        var result = await triage.PublishAdvisoryAsync(Id, Body(), cancellationToken);
        return result.IsOk
            ? Redirect($"/portal/reports/{Id}/advisory?done=advisory_published")
            : await LoadAsync(cancellationToken) ?? await ShowProblemAsync(result.Problem!, FormFields) ?? Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        var result = await triage.WithdrawAdvisoryAsync(Id, new AdvisoryWithdrawBody(ExpectedRevision ?? 0), cancellationToken);
        return result.IsOk
            ? Redirect($"/portal/reports/{Id}/advisory?done=advisory_withdrawn")
            : await LoadAsync(cancellationToken) ?? await ShowProblemAsync(result.Problem!, FormFields) ?? Page();
    }

    /// <summary>The report and its advisory, for the page; a result when the page cannot be shown.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var report = await triage.GetAsync(Id, cancellationToken);
        if (!report.IsOk)
        {
            return await ShowProblemAsync(report.Problem!);
        }

        Report = report.Value;
        var advisory = await triage.AdvisoryAsync(Id, cancellationToken);
        Current = advisory.IsOk ? advisory.Value : null;
        return advisory.IsOk || advisory.Problem!.Outcome == ApiOutcome.NotFound ? null : await ShowProblemAsync(advisory.Problem!);
    }

    private AdvisoryBody Body()
    {
        var references = (References ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(parts => parts.Length == 2 ? new AdvisoryReferenceBody(parts[0].ToUpperInvariant(), parts[1]) : new AdvisoryReferenceBody("WEB", parts[0]))
            .ToList();
        var aliases = (Aliases ?? "").Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
        return new AdvisoryBody(Fields, Blank(Summary), Blank(Credit), references.Count > 0 ? references : null, aliases.Count > 0 ? aliases : null,
            ExpectedRevision);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
