using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SafetyReports.Contracts;
using SafetyReports.Portal.Api;
using SafetyReports.Portal.Reports;

namespace SafetyReports.Portal.Pages.Portal;

/// <summary>
/// <c>/portal/reports/{id}</c>: every field of a report, its history and notes, and the actions a maintainer
/// may take now. Each action form carries the version it was shown with (<c>expectedVersion</c>): when the
/// report changed meanwhile the page says so and shows the current state; nothing is overwritten.
/// </summary>
public sealed class ReportModel(TriageClient triage, NotificationClient notification, TimeProvider clock) : PortalPageModel
{
    public static readonly string[] TransitionFields = ["to", "note", "publicNote", "duplicateOf", "severity", "category", "expectedVersion"];

    public ReportDetail? Report { get; private set; }

    public IReadOnlyList<AuditEntryView> Audit { get; private set; } = [];

    /// <summary>The webhooks sent to the model's host about this report; null when not shown (only admins may read deliveries).</summary>
    public IReadOnlyList<DeliveryView>? Deliveries { get; private set; }

    public ReportActionSet Actions { get; private set; } = new(false, false, []);

    public SlaState Sla { get; private set; } = new(SlaKind.None, TimeSpan.Zero, null);

    /// <summary>The last action failed because the report had changed since the page was shown.</summary>
    public bool Stale { get; private set; }

    /// <summary>The form whose values were posted and are shown again (after an error), e.g. <c>transition-rejected</c>.</summary>
    public string? ActiveForm { get; private set; }

    [BindProperty]
    public long ExpectedVersion { get; set; }

    [BindProperty]
    public string? To { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? PublicNote { get; set; }

    [BindProperty]
    public string? DuplicateOf { get; set; }

    [BindProperty]
    public string? Severity { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? Assignee { get; set; }

    [BindProperty(Name = "text")]
    public string? NoteText { get; set; }

    [BindProperty(Name = "redactText")]
    public string? RedactText { get; set; }

    public string? Posted(string form, string? value) => ActiveForm == form ? value : null;

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        ShowDone(done);
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public Task<IActionResult> OnPostClaimAsync(Guid id, CancellationToken cancellationToken) =>
        AssignAsync(id, "claim", UserName, "claimed", cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken cancellationToken) =>
        AssignAsync(id, "assign", string.IsNullOrWhiteSpace(Assignee) ? null : Assignee.Trim(), string.IsNullOrWhiteSpace(Assignee) ? "unassigned" : "assigned", cancellationToken);

    public Task<IActionResult> OnPostUnassignAsync(Guid id, CancellationToken cancellationToken) =>
        AssignAsync(id, "unassign", null, "unassigned", cancellationToken);

    public async Task<IActionResult> OnPostTransitionAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = $"transition-{To}";
        if (await LoadAsync(id, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (Report is null)
        {
            return Page();
        }

        if (Report.Version != ExpectedVersion)
        {
            ShowStale();
            return Page();
        }

        var input = new TransitionInput(To, Blank(Note), Blank(PublicNote), Blank(DuplicateOf), Blank(Severity));
        var errors = ReportActions.Validate(Actions, input);
        if (errors.Count > 0)
        {
            foreach (var (field, key) in errors)
            {
                FieldErrors[field] = Text[key, ReportActions.MaxTextLength];
            }

            Errors.Add(Text["Error_FixFields"]);
            return Page();
        }

        var body = new TransitionBody(To!, input.Severity, Blank(Category), input.DuplicateOf is null ? null : Guid.Parse(input.DuplicateOf), input.Note, input.PublicNote, ExpectedVersion);
        return await FinishAsync(id, await triage.TransitionAsync(id, body, cancellationToken), TransitionFields, $"moved_{To}", cancellationToken);
    }

    public async Task<IActionResult> OnPostClassifyAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = "classify";
        var body = new ClassificationBody(Blank(Severity), Blank(Category), ExpectedVersion);
        return await FinishAsync(id, await triage.ClassifyAsync(id, body, cancellationToken), ["severity", "category", "expectedVersion"], "classified", cancellationToken);
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = "note";
        if (string.IsNullOrWhiteSpace(NoteText))
        {
            FieldErrors["text"] = Text["Error_NoteRequired"];
            Errors.Add(Text["Error_FixFields"]);
            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        return await FinishAsync(id, await triage.AddNoteAsync(id, new NoteBody(NoteText), cancellationToken), ["text"], "noted", cancellationToken);
    }

    /// <summary>Admins only (Triage refuses anyone else, and the page shows the form only to them).</summary>
    public async Task<IActionResult> OnPostRedactAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = "redact";
        var result = await triage.RedactAsync(id, new RedactionBody(RedactText ?? "", ExpectedVersion), cancellationToken);
        return await FinishAsync(id, result, ["text", "expectedVersion"], "redacted", cancellationToken);
    }

    private async Task<IActionResult> AssignAsync(Guid id, string form, string? assignee, string done, CancellationToken cancellationToken)
    {
        ActiveForm = form;
        var result = await triage.AssignAsync(id, new AssignmentBody(assignee, ExpectedVersion), cancellationToken);
        return await FinishAsync(id, result, ["assignee", "expectedVersion"], done, cancellationToken);
    }

    /// <summary>Success: back to the report (Post/Redirect/Get). Otherwise the current report with the problem and the posted values.</summary>
    private async Task<IActionResult> FinishAsync(Guid id, ApiResult<ReportDetail> result, string[] fields, string done, CancellationToken cancellationToken)
    {
        if (result.IsOk)
        {
            return Redirect($"/portal/reports/{id}?done={Uri.EscapeDataString(done.Replace("-", "_", StringComparison.Ordinal))}");
        }

        if (await LoadAsync(id, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (result.Problem!.Outcome == ApiOutcome.Conflict && Report is not null && Report.Version != ExpectedVersion)
        {
            ShowStale();
            return Page();
        }

        return await ShowProblemAsync(result.Problem, fields) ?? Page();
    }

    private void ShowStale()
    {
        Stale = true;
        Errors.Add(Text["Conflict_Stale", ExpectedVersion, Report!.Version, Text[$"Status_{Report.Status}"]]);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var report = await triage.GetAsync(id, cancellationToken);
        if (!report.IsOk)
        {
            if (report.Problem!.Outcome == ApiOutcome.NotFound)
            {
                Response.StatusCode = StatusCodes.Status404NotFound;
            }

            return await ShowProblemAsync(report.Problem);
        }

        Report = report.Value!;
        Actions = ReportActions.For(Report, UserName);
        Sla = SlaDisplay.For(Report.Status, Report.Deadline, Report.Overdue, clock.GetUtcNow());
        var audit = await triage.AuditAsync(id, cancellationToken);
        Audit = audit.IsOk ? audit.Value! : [];
        if (!audit.IsOk)
        {
            Errors.Add(Text["Error_AuditUnavailable"]);
        }

        if (IsAdmin)
        {
            // A host that was never registered has no deliveries: that is an empty list, not an error.
            var deliveries = await notification.DeliveriesAsync(Report.Model.Host, new DeliveryFilter(null, null, id), cancellationToken);
            Deliveries = deliveries.IsOk ? deliveries.Value!.Items : [];
        }

        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string CategoryLabel(string? code) => HazardTaxonomy.Categories.FirstOrDefault(c => c.Code == code)?.Label ?? code ?? "—";
}
