using Microsoft.AspNetCore.Antiforgery;
using SafetyReports.Intake.Evidence;
using SafetyReports.Intake.Forms;

namespace SafetyReports.Intake.Pages.IntakeSite;

/// <summary>
/// <c>GET /</c> shows the report form; <c>POST /</c> sends it through the same gate and intake as
/// <c>POST /api/v1/reports</c> and answers with the receipt itself: the status token is shown once,
/// in the body of that response, and never travels in a URL (so no Post/Redirect/Get here).
/// </summary>
// The antiforgery token is checked in the handler: an expired one re-renders the form with the
// reporter's text and a message, instead of a bare 400 that loses everything they wrote.
// A form shown again with its errors is a page like any other (200): browsers log 4xx documents as
// console errors, and a reporter gains nothing from the code. Only 429 keeps its status, with
// Retry-After, as the contract asks.
[IgnoreAntiforgeryToken]
public sealed class ReportModel(
    ReportIntake intake,
    IAntiforgery antiforgery,
    EvidenceFileRules evidenceFiles,
    IOptions<IntakeOptions> options,
    IStringLocalizer<IntakeText> text,
    IStringLocalizer<ReporterEmailText> emailText) : PageModel
{
    [BindProperty]
    public ReportForm Form { get; set; } = new();

    public FormErrors Errors { get; private set; } = new();

    /// <summary>Set once the report is stored (or folded into the same reporter's earlier one): the page shows the receipt.</summary>
    public SubmissionReceipt? Receipt { get; private set; }

    /// <summary>The same report was sent moments ago: this is that report's receipt again.</summary>
    public bool Folded { get; private set; }

    /// <summary>Whether the form offers a file input (and is sent as <c>multipart/form-data</c>).</summary>
    public bool FilesEnabled => options.Value.EvidenceFiles.Enabled;

    /// <summary>
    /// Files came with a post that shows the form again: they are not kept (a page cannot refill a file input), so the
    /// page says to attach them again.
    /// </summary>
    public bool FilesNotKept { get; private set; }

    public void OnGet() => Form.EnsureEvidenceSlots();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Form.EnsureEvidenceSlots();
        var files = await EvidenceFileErrors.ReadAsync(Request, cancellationToken);
        FilesNotKept = files.Count > 0;
        if (!await antiforgery.IsValidFormPostAsync(HttpContext))
        {
            Errors.AddGeneral(text["Error_FormExpired"]);
            return Page();
        }

        if (Form.Command == ReportForm.AddEvidenceCommand)
        {
            Form.AddEvidenceSlot();
            return Page();
        }

        // Field errors come before the gate: a reporter correcting a typo must not use up the
        // (small, no-JavaScript) rate limit or the proof of work.
        var submission = Form.ToSubmission();
        Errors = ReportFormErrors.Describe(SubmissionValidator.Validate(submission.Request), Form, submission, text, emailText);
        if (files.Count > 0 && !FilesEnabled)
        {
            Errors.AddGeneral(text["Error_Files_Disabled"]);
        }
        else if (evidenceFiles.Screen(files, submission.Request.Category) is { } screened)
        {
            Errors.Add(EvidenceFileErrors.Field, EvidenceFileErrors.Describe(screened, evidenceFiles.Limits, text));
        }

        if (Errors.Any)
        {
            return Page();
        }

        var attempt = await intake.SubmitAsync(submission.Request, EvidenceRequestHash.Of(submission.RequestHash, files), idempotencyKeyHash: null,
            HttpContext.Connection.RemoteIpAddress, Form.Proof, allowUnchallenged: true, files, cancellationToken);
        if (attempt.FileRefusal is { } refusedFiles)
        {
            Errors.Add(EvidenceFileErrors.Field, EvidenceFileErrors.Describe(refusedFiles, evidenceFiles.Limits, text));
            return Page();
        }

        switch (attempt.Refusal?.Verdict)
        {
            case GateVerdict.RateLimited:
                var seconds = (int)Math.Ceiling(attempt.Refusal.RetryAfter.TotalSeconds);
                Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                Errors.AddGeneral(text["Error_RateLimited", seconds]);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            case not null:
                Errors.AddGeneral(text["Error_ProofFailed"]);
                return Page();
        }

        var outcome = attempt.Outcome!;
        if (outcome.Receipt is null)
        {
            Errors.AddGeneral(text["Error_NotStored"]);
            return Page();
        }

        Receipt = outcome.Receipt;
        Folded = outcome.Kind == SubmissionOutcomeKind.Replayed;
        FilesNotKept = false;
        Response.Headers.CacheControl = "no-cache, no-store";
        return Page();
    }
}
