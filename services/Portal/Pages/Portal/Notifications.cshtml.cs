namespace SafetyReports.Portal.Pages.Portal;

/// <summary>
/// <c>/portal/notifications</c> ("My notifications"): which events the signed-in maintainer is e-mailed about, to which
/// address, and whether one by one or in a daily digest. Stored by Triage for the caller only.
/// </summary>
public sealed class NotificationsModel(TriageClient triage) : PortalPageModel
{
    public static readonly string[] Fields = ["email", "newReportSeverity", "delivery"];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? NewReportSeverity { get; set; }

    [BindProperty]
    public bool SlaBreach { get; set; }

    [BindProperty]
    public bool ReporterAnswered { get; set; }

    [BindProperty]
    public bool HostResponded { get; set; }

    [BindProperty]
    public bool Contested { get; set; }

    [BindProperty]
    public string Delivery { get; set; } = NotificationPreferences.Immediate;

    /// <summary>The name reports are assigned to the maintainer under, as Triage last read it; shown, never posted.</summary>
    public string? AssignedAs { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        ShowDone(done);
        var current = await triage.NotificationsAsync(cancellationToken);
        if (!current.IsOk)
        {
            return await ShowProblemAsync(current.Problem!) ?? Page();
        }

        Show(current.Value!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var body = new NotificationPreferences(
            Email?.Trim(), string.IsNullOrWhiteSpace(NewReportSeverity) ? null : NewReportSeverity, SlaBreach, ReporterAnswered,
            HostResponded, Contested, Delivery);
        var result = await triage.SaveNotificationsAsync(body, cancellationToken);
        return result.IsOk
            ? Redirect("/portal/notifications?done=notifications_saved")
            : await ShowProblemAsync(result.Problem!, Fields) ?? Page();
    }

    private void Show(NotificationPreferences p)
    {
        (Email, NewReportSeverity, SlaBreach, ReporterAnswered, HostResponded, Contested, Delivery, AssignedAs) =
            (p.Email, p.NewReportSeverity, p.SlaBreach, p.ReporterAnswered, p.HostResponded, p.Contested, p.Delivery, p.AssignedAs);
    }
}
