using Microsoft.AspNetCore.Antiforgery;
using SafetyReports.Intake.Forms;

namespace SafetyReports.Intake.Pages.IntakeSite;

/// <summary>
/// <c>/status</c>: the reporter enters the report id and status token (posted, never in the URL) and
/// sees the status, dates and public notes; while the report is <c>needs_info</c> they can answer here.
/// Once the host responded they see its statement of reasons and can contest it (once per revision).
/// </summary>
// Checked in the handlers, so an expired form says so instead of answering a bare 400.
[IgnoreAntiforgeryToken]
public sealed class StatusModel(
    ReportIntake intake,
    SubmissionRateLimiter limiter,
    IAntiforgery antiforgery,
    TransparencyReader log,
    IStringLocalizer<IntakeText> text,
    IStringLocalizer<ReporterEmailText> emailText) : PageModel
{
    public const string IdField = "id";
    public const string TokenField = "token";
    public const string MessageField = "message";
    public const string ReasonField = "reason";
    public const string LinkField = "link";

    [BindProperty(Name = IdField)]
    public string? ReportId { get; set; }

    [BindProperty(Name = TokenField)]
    public string? Token { get; set; }

    /// <summary>The signed status link of a reporter's mail: opens the report without the token until it expires.</summary>
    [BindProperty(Name = LinkField, SupportsGet = true)]
    public string? Link { get; set; }

    /// <summary>The page was opened with a status link rather than the id and token.</summary>
    public bool OpenedByLink => !string.IsNullOrEmpty(Link) && Receipt is not null;

    [BindProperty(Name = MessageField)]
    public string? Message { get; set; }

    [BindProperty(Name = ReasonField)]
    public string? Reason { get; set; }

    public FormErrors Errors { get; private set; } = new();

    /// <summary>The report, once id and token matched.</summary>
    public Receipt? Receipt { get; private set; }

    /// <summary>The public audit log's leaf of the report's receipt (its <c>received</c> entry); null until Triage has logged it or while it cannot be read.</summary>
    public long? ReceivedLeaf { get; private set; }

    public bool ReplySent { get; private set; }

    public bool CanReply => Receipt is { Status: ReportStatuses.NeedsInfo } && !ReplySent;

    public bool ContestSent { get; private set; }

    public bool CanContest => Receipt is { CanContest: true } && !ContestSent;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Link))
        {
            return Finish();
        }

        var (receipt, expired) = await intake.FindReceiptByLinkAsync(Link, cancellationToken);
        Receipt = receipt;
        if (receipt is null)
        {
            Link = null;
            Errors.AddGeneral(expired ? emailText["StatusLink_Expired"] : emailText["StatusLink_Invalid"]);
        }
        else
        {
            ReportId = receipt.Id.ToString();
        }

        return Finish();
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

        ReceivedLeaf = await log.ReceivedLeafAsync(Receipt.Id, cancellationToken);
        return Finish();
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken)
    {
        var message = await AcceptTextAsync(
            MessageField, Message, ReplyValidator.MaxLength, text["Error_Message_Required"], text["Label_Message"],
            seconds => text["Error_RateLimited_Reply", seconds], cancellationToken);
        if (message is null)
        {
            return Finish();
        }

        switch (await intake.ReplyAsync(Receipt!.Id, Token?.Trim(), message, cancellationToken, Link))
        {
            case ReplyOutcome.Accepted:
                ReplySent = true;
                Message = null;
                return Finish();
            case ReplyOutcome.NotAwaitingInformation:
                Errors.AddGeneral(text["Error_Reply_NotAwaiting"]);
                return Finish();
            default:
                return NotFoundAnymore();
        }
    }

    public async Task<IActionResult> OnPostContestAsync(CancellationToken cancellationToken)
    {
        var reason = await AcceptTextAsync(
            ReasonField, Reason, ContestRules.MaxReason, text["Error_Reason_Required"], text["Label_Reason"],
            seconds => text["Error_RateLimited_Contest", seconds], cancellationToken);
        if (reason is null)
        {
            return Finish();
        }

        switch ((await intake.ContestAsync(Receipt!.Id, Token?.Trim(), reason, cancellationToken, Link)).Outcome)
        {
            case ContestOutcome.Accepted:
                ContestSent = true;
                Reason = null;
                // Read again: the page shows the contest as it now stands.
                Receipt = await intake.FindReceiptAsync(Receipt.Id, Token?.Trim(), Link, cancellationToken) ?? Receipt;
                return Finish();
            case ContestOutcome.NoHostResponse:
                Errors.AddGeneral(text["Error_Contest_NoResponse"]);
                return Finish();
            case ContestOutcome.AlreadyContested:
                Errors.AddGeneral(text["Error_Contest_Already"]);
                return Finish();
            default:
                return NotFoundAnymore();
        }
    }

    /// <summary>
    /// What a reporter's post (an answer, a contest) goes through before it is sent: a valid form, a matching id and
    /// token (<see cref="Receipt"/> is set), acceptable text (an error beside the field keeps what was typed), and the
    /// same per-client limit as in the API.
    /// </summary>
    /// <returns>The text to send, or null when the page is to be shown again with what went wrong.</returns>
    private async Task<string?> AcceptTextAsync(
        string field, string? value, int maxLength, string required, string label, Func<int, string> rateLimited,
        CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsValidFormPostAsync(HttpContext))
        {
            Errors.AddGeneral(text["Error_FormExpired"]);
            return null;
        }

        var id = ParseId();
        Receipt = id is null || (string.IsNullOrWhiteSpace(Token) && string.IsNullOrEmpty(Link))
            ? null
            : await intake.FindReceiptAsync(id.Value, Token?.Trim(), Link, cancellationToken);
        if (Receipt is null)
        {
            Errors = new FormErrors();
            Errors.AddGeneral(text["Error_Status_NotFound"]);
            return null;
        }

        // The page is shown again after the post, with the status: the log's leaf too.
        ReceivedLeaf = await log.ReceivedLeafAsync(Receipt.Id, cancellationToken);
        var normalized = value?.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (ReporterText.Problem(normalized, maxLength) is not null)
        {
            Errors.Add(field, string.IsNullOrWhiteSpace(normalized) ? required
                : normalized.Length > maxLength ? text["Error_TooLong", label, maxLength]
                : text["Error_ForbiddenCharacters", label]);
            return null;
        }

        var rate = await limiter.TryAcquireAsync(HttpContext.Connection.RemoteIpAddress, unchallenged: false, cancellationToken);
        if (!rate.Allowed)
        {
            var seconds = (int)Math.Ceiling(rate.RetryAfter.TotalSeconds);
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            Errors.AddGeneral(rateLimited(seconds));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return null;
        }

        return normalized;
    }

    private PageResult NotFoundAnymore()
    {
        Receipt = null;
        Errors.AddGeneral(text["Error_Status_NotFound"]);
        return Finish();
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
