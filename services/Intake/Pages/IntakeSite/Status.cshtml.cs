using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SafetyReports.Contracts;
using SafetyReports.Intake.AntiAbuse;
using SafetyReports.Intake.Domain;
using SafetyReports.Intake.Forms;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.Intake.Pages.IntakeSite;

/// <summary>
/// <c>/status</c>: the reporter enters the report id and status token (posted, never in the URL) and
/// sees the status, dates and public notes; while the report is <c>needs_info</c> they can answer here.
/// </summary>
// Checked in the handlers, so an expired form says so instead of answering a bare 400.
[IgnoreAntiforgeryToken]
public sealed class StatusModel(
    ReportIntake intake,
    SubmissionRateLimiter limiter,
    IAntiforgery antiforgery,
    IStringLocalizer<IntakeText> text) : PageModel
{
    public const string IdField = "id";
    public const string TokenField = "token";
    public const string MessageField = "message";

    [BindProperty(Name = IdField)]
    public string? ReportId { get; set; }

    [BindProperty(Name = TokenField)]
    public string? Token { get; set; }

    [BindProperty(Name = MessageField)]
    public string? Message { get; set; }

    public FormErrors Errors { get; private set; } = new();

    /// <summary>The report, once id and token matched.</summary>
    public Receipt? Receipt { get; private set; }

    public bool ReplySent { get; private set; }

    public bool CanReply => Receipt is { Status: ReportStatuses.NeedsInfo } && !ReplySent;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsValidFormPostAsync(HttpContext))
        {
            Errors.AddGeneral(text["Error_FormExpired"]);
            return Finish();
        }

        var id = ParseId();
        if (string.IsNullOrWhiteSpace(Token))
        {
            Errors.Add(TokenField, text["Error_Token_Required"]);
        }

        if (Errors.Any)
        {
            return Finish();
        }

        Receipt = await intake.FindReceiptAsync(id!.Value, Token!.Trim(), cancellationToken);
        if (Receipt is null)
        {
            // As the API: an unknown id and a wrong token look the same.
            Errors.AddGeneral(text["Error_Status_NotFound"]);
            return Finish();
        }

        return Finish();
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsValidFormPostAsync(HttpContext))
        {
            Errors.AddGeneral(text["Error_FormExpired"]);
            return Finish();
        }

        var id = ParseId();
        Receipt = id is null || string.IsNullOrWhiteSpace(Token) ? null : await intake.FindReceiptAsync(id.Value, Token.Trim(), cancellationToken);
        if (Receipt is null)
        {
            Errors = new FormErrors();
            Errors.AddGeneral(text["Error_Status_NotFound"]);
            return Finish();
        }

        var message = Message?.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (ReplyValidator.Validate(message) is not null)
        {
            Errors.Add(MessageField, string.IsNullOrWhiteSpace(message) ? text["Error_Message_Required"]
                : message.Length > ReplyValidator.MaxLength ? text["Error_TooLong", text["Label_Message"], ReplyValidator.MaxLength]
                : text["Error_ForbiddenCharacters", text["Label_Message"]]);
            return Finish();
        }

        // Answers count against the same per-client limit as in the API.
        var rate = await limiter.TryAcquireAsync(HttpContext.Connection.RemoteIpAddress, unchallenged: false, cancellationToken);
        if (!rate.Allowed)
        {
            var seconds = (int)Math.Ceiling(rate.RetryAfter.TotalSeconds);
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            Errors.AddGeneral(text["Error_RateLimited_Reply", seconds]);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Finish();
        }

        switch (await intake.ReplyAsync(id!.Value, Token!.Trim(), message!, cancellationToken))
        {
            case ReplyOutcome.Accepted:
                ReplySent = true;
                Message = null;
                return Finish();
            case ReplyOutcome.NotAwaitingInformation:
                Errors.AddGeneral(text["Error_Reply_NotAwaiting"]);
                return Finish();
            default:
                Receipt = null;
                Errors.AddGeneral(text["Error_Status_NotFound"]);
                return Finish();
        }
    }

    private Guid? ParseId()
    {
        if (string.IsNullOrWhiteSpace(ReportId))
        {
            Errors.Add(IdField, text["Error_ReportId_Required"]);
            return null;
        }

        if (!Guid.TryParse(ReportId.Trim(), out var id))
        {
            Errors.Add(IdField, text["Error_ReportId_Invalid"]);
            return null;
        }

        return id;
    }

    // Pages shown again with a message answer 200, as the report form does; only 429 keeps its status.
    private PageResult Finish()
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        return Page();
    }
}
