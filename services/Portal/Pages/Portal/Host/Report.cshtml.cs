using SafetyReports.Portal.HostInbox;

namespace SafetyReports.Portal.Pages.Portal.Host;

/// <summary>
/// <c>/portal/host/reports/{id}</c>: one notice as the host API gives it to the user's host — exactly what the
/// maintainers shared, nothing about the reporter — with the acknowledge form, the statement-of-reasons form, the
/// contests the maintainers forwarded and the thread with them. Another host's report is a 404, as an unknown one.
/// </summary>
public sealed class ReportModel(HostClient host) : PortalPageModel
{
    public const int MaxMessageLength = 5_000;
    public const int MaxAcknowledgementNote = 2_000;

    public static readonly string[] StatementFields =
    [
        "action", "scope", "until", "grounds", "decisionGround", "legalGround", "termsReference", "territorialScope",
        "automatedDetection", "automatedDecision", "redress", "note",
    ];

    public HostReport? Report { get; private set; }

    public IReadOnlyList<ThreadMessage> Messages { get; private set; } = [];

    /// <summary>The thread could not be read (the page still shows the rest).</summary>
    public bool ThreadUnavailable { get; private set; }

    /// <summary>The form whose values were posted and are shown again (after an error): <c>acknowledge</c>, <c>statement</c>, <c>message</c>.</summary>
    public string? ActiveForm { get; private set; }

    /// <summary>What the statement form shows: what was posted, or the response on record.</summary>
    public StatementInput Statement { get; private set; } = new();

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty(Name = "text")]
    public string? MessageText { get; set; }

    [BindProperty]
    public string? Action { get; set; }

    [BindProperty]
    public string? Scope { get; set; }

    [BindProperty]
    public string? Until { get; set; }

    [BindProperty]
    public string? Grounds { get; set; }

    [BindProperty]
    public string? DecisionGround { get; set; }

    [BindProperty]
    public string? LegalGround { get; set; }

    [BindProperty]
    public string? TermsReference { get; set; }

    [BindProperty]
    public string? TerritorialScope { get; set; }

    [BindProperty]
    public string? AutomatedDetection { get; set; }

    [BindProperty]
    public string? AutomatedDecision { get; set; }

    [BindProperty]
    public string? Redress { get; set; }

    public string? Posted(string form, string? value) => ActiveForm == form ? value : null;

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        ShowDone(done);
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = "acknowledge";
        if (TextInput.Check(Note, MaxAcknowledgementNote, required: false) is { } error)
        {
            ShowFormErrors(new Dictionary<string, FormError> { ["note"] = error });
            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        var result = await host.AcknowledgeAsync(id, new AcknowledgeBody(TextInput.Trimmed(Note)), cancellationToken);
        return await FinishAsync(id, result.Problem, ["note"], "acknowledged", cancellationToken);
    }

    public async Task<IActionResult> OnPostRespondAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = "statement";
        var (body, errors) = StatementForm.Build(PostedStatement());
        if (body is null)
        {
            ShowFormErrors(errors);
            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        var result = await host.RespondAsync(id, body, cancellationToken);
        return await FinishAsync(id, result.Problem, StatementFields, "responded", cancellationToken);
    }

    public async Task<IActionResult> OnPostMessageAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = "message";
        if (TextInput.Check(MessageText, MaxMessageLength, required: true) is { } error)
        {
            ShowFormErrors(new Dictionary<string, FormError> { ["text"] = error });
            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        var result = await host.SendMessageAsync(id, new MessageBody(MessageText!.Trim()), cancellationToken);
        return await FinishAsync(id, result.Problem, ["text"], "message_sent", cancellationToken);
    }

    private StatementInput PostedStatement() => new()
    {
        Action = Action,
        Scope = Scope,
        Until = Until,
        Grounds = Grounds,
        DecisionGround = DecisionGround,
        LegalGround = LegalGround,
        TermsReference = TermsReference,
        TerritorialScope = TerritorialScope,
        AutomatedDetection = AutomatedDetection,
        AutomatedDecision = AutomatedDecision,
        Redress = Redress,
        Note = Note,
    };

    /// <summary>Success: back to the notice (Post/Redirect/Get). Otherwise the notice with the problem and what was typed.</summary>
    private async Task<IActionResult> FinishAsync(Guid id, ApiProblem? problem, string[] fields, string done, CancellationToken cancellationToken)
    {
        if (problem is null)
        {
            return Redirect($"/portal/host/reports/{id}?done={done}");
        }

        // The API's "automated" is the form's automated decision (the form sends both).
        if (problem.FieldErrors.TryGetValue("automated", out var automated))
        {
            var errors = problem.FieldErrors.Where(e => e.Key != "automated").ToDictionary();
            errors["automatedDecision"] = [.. errors.GetValueOrDefault("automatedDecision") ?? [], .. automated];
            problem = problem with { FieldErrors = errors };
        }

        return await LoadAsync(id, cancellationToken) ?? await ShowProblemAsync(problem, fields) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var report = await host.GetAsync(id, cancellationToken);
        if (!report.IsOk)
        {
            if (report.Problem!.Outcome == ApiOutcome.NotFound)
            {
                Response.StatusCode = StatusCodes.Status404NotFound;
            }

            return await ShowProblemAsync(report.Problem);
        }

        Report = report.Value!;
        Statement = ActiveForm == "statement" ? PostedStatement() : StatementInput.From(Report.Response);
        var messages = await host.MessagesAsync(id, cancellationToken);
        Messages = messages.IsOk ? messages.Value!.Items : [];
        ThreadUnavailable = !messages.IsOk;
        return null;
    }
}
