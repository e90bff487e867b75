namespace SafetyReports.Portal.Pages.Portal;

/// <summary>
/// <c>/portal/reports/{id}</c>: every field of a report, its history and notes, and the actions a maintainer
/// may take now. Each action form carries the version it was shown with (<c>expectedVersion</c>): when the
/// report changed meanwhile the page says so and shows the current state; nothing is overwritten.
/// </summary>
public sealed class ReportModel(
    TriageClient triage, NotificationClient notification, TimeProvider clock, Microsoft.Extensions.Options.IOptions<PortalOptions> options) : PortalPageModel
{
    /// <summary><c>SafetyReports:Portal:AlwaysBlurImages</c>: no evidence image is ever shown unblurred on this page.</summary>
    public bool AlwaysBlurImages => options.Value.AlwaysBlurImages;

    public static readonly string[] TransitionFields =
        ["to", "note", "publicNote", "duplicateOf", "severity", "category", "expectedVersion", "notice", "shareDescription", "shareEvidence", "noteToHost"];

    public static readonly string[] NoticeFields = ["shareDescription", "shareEvidence", "noteToHost", "expectedVersion"];

    /// <summary>A message to the host, a contest's forwarded reason, note or closing note: as Triage limits them.</summary>
    public const int MaxHostTextLength = 5_000;

    public ReportDetail? Report { get; private set; }

    public IReadOnlyList<AuditEntryView> Audit { get; private set; } = [];

    /// <summary>The webhooks sent to the model's host about this report; null when not shown (only admins may read deliveries).</summary>
    public IReadOnlyList<DeliveryView>? Deliveries { get; private set; }

    /// <summary>The report's cluster and similar earlier reports; null when Triage could not give them (the page still shows the report).</summary>
    public SimilarityView? Similarity { get; private set; }

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

    [BindProperty(Name = "fileId")]
    public Guid? RedactFileId { get; set; }

    /// <summary>The file sharing form: true to share the file with the host, false to stop.</summary>
    [BindProperty(Name = "shared")]
    public bool ShareFile { get; set; }

    [BindProperty]
    public string? ShareDescription { get; set; }

    [BindProperty]
    public List<string> ShareEvidence { get; set; } = [];

    [BindProperty]
    public string? NoteToHost { get; set; }

    /// <summary>A message to the host on the thread.</summary>
    [BindProperty(Name = "text")]
    public string? MessageText { get; set; }

    /// <summary>The model's file digests, one a line.</summary>
    [BindProperty]
    public string? FileDigests { get; set; }

    /// <summary>The host and model of the re-upload to send the report to.</summary>
    [BindProperty]
    public string? ShareHost { get; set; }

    [BindProperty]
    public string? ShareModel { get; set; }

    /// <summary>What the digest form shows: what was posted after a refusal, otherwise the report's digests.</summary>
    public string DigestsShown => ActiveForm == "digests" ? FileDigests ?? "" : string.Join('\n', Report?.Model.FileDigests ?? []);

    /// <summary>A contest's reason as forwarded to the host.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    public string? Posted(string form, string? value) => ActiveForm == form ? value : null;

    /// <summary>
    /// What a notice form (the triage form, <c>transition-triaged</c>, or the notice form, <c>notice</c>) shows: what was
    /// posted after a refusal, otherwise the report's current choice (everything shared before the first triage).
    /// </summary>
    public NoticeInput NoticeShown(string form) =>
        ActiveForm == form ? PostedNotice().Input : NoticeForm.Current(Report!);

    private (NoticeInput Input, Dictionary<string, FormError> Errors) PostedNotice() =>
        NoticeForm.Read(ShareDescription, ShareEvidence, NoteToHost, Report?.Evidence.Count ?? 0);

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        ShowDone(done);
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    /// <summary>One of the report's evidence files, through this page so the browser needs no token: always an attachment.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var file = await triage.EvidenceFileAsync(id, fileId, cancellationToken);
        if (!file.IsOk)
        {
            if (file.Problem!.Outcome == ApiOutcome.NotFound)
            {
                Response.StatusCode = StatusCodes.Status404NotFound;
            }

            return await ShowProblemAsync(file.Problem) ?? Page();
        }

        EvidenceDownloadHeaders.Apply(Response);
        return File(file.Value!.Content, file.Value.MediaType, file.Value.FileName);
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
        var errors = ReportActions.Validate(Actions, input).ToDictionary(e => e.Key, e => new FormError(e.Value, ReportActions.MaxTextLength));
        // The move to triaged says what the host receives; no other move carries a notice.
        NoticeInput? notice = null;
        if (To == ReportStatuses.Triaged)
        {
            (notice, var noticeErrors) = PostedNotice();
            foreach (var (field, error) in noticeErrors)
            {
                errors[field] = error;
            }
        }

        if (errors.Count > 0)
        {
            ShowFormErrors(errors);
            return Page();
        }

        var body = new TransitionBody(To!, input.Severity, Blank(Category), input.DuplicateOf is null ? null : Guid.Parse(input.DuplicateOf), input.Note, input.PublicNote, ExpectedVersion,
            notice is null ? null : NoticeForm.ToChoice(notice));
        return await FinishAsync(id, (await triage.TransitionAsync(id, body, cancellationToken)).Problem, TransitionFields, $"moved_{To}", cancellationToken);
    }

    /// <summary>Changes what the host receives after triage (Triage sends the host the new notice).</summary>
    public async Task<IActionResult> OnPostNoticeAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = "notice";
        if (await LoadAsync(id, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (Report is null)
        {
            return Page();
        }

        var (input, errors) = PostedNotice();
        if (errors.Count > 0)
        {
            ShowFormErrors(errors);
            return Page();
        }

        var choice = NoticeForm.ToChoice(input);
        var body = new NoticeChangeBody(choice.ShareDescription, choice.ShareEvidence, choice.NoteToHost, ExpectedVersion);
        var result = await triage.ChangeNoticeAsync(id, body, cancellationToken);
        // The choice on record again: Triage changes nothing and the host hears nothing; the page says so.
        var done = result.Value is { } after && after.Version == ExpectedVersion ? "notice_unchanged" : "notice_changed";
        return await FinishAsync(id, result.Problem, NoticeFields, done, cancellationToken);
    }

    /// <summary>Forwards a reporter's contest to the host: the reason as the reporter wrote it unless a maintainer shortened it, and their note.</summary>
    public async Task<IActionResult> OnPostForwardContestAsync(Guid id, Guid contestId, CancellationToken cancellationToken)
    {
        ActiveForm = $"forward-{contestId}";
        var errors = new Dictionary<string, FormError>();
        TextInput.Check(errors, "reason", Reason, MaxHostTextLength, required: false);
        TextInput.Check(errors, "note", Note, MaxHostTextLength, required: false);
        if (errors.Count > 0)
        {
            ShowFormErrors(errors);
            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        var body = new ForwardContestBody(TextInput.Trimmed(Reason), TextInput.Trimmed(Note), ExpectedVersion);
        return await FinishAsync(id, (await triage.ForwardContestAsync(id, contestId, body, cancellationToken)).Problem, ["reason", "note", "expectedVersion"], "contest_forwarded", cancellationToken);
    }

    /// <summary>Closes a contest with a note the reporter reads.</summary>
    public async Task<IActionResult> OnPostCloseContestAsync(Guid id, Guid contestId, CancellationToken cancellationToken)
    {
        ActiveForm = $"close-{contestId}";
        if (TextInput.Check(PublicNote, MaxHostTextLength, required: true) is { } error)
        {
            ShowFormErrors(new Dictionary<string, FormError> { ["publicNote"] = error });
            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        var body = new CloseContestBody(PublicNote!.Trim(), ExpectedVersion);
        return await FinishAsync(id, (await triage.CloseContestAsync(id, contestId, body, cancellationToken)).Problem, ["publicNote", "expectedVersion"], "contest_closed", cancellationToken);
    }

    /// <summary>The maintainers write to the report's host on its thread.</summary>
    public async Task<IActionResult> OnPostHostMessageAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = "host-message";
        if (TextInput.Check(MessageText, MaxHostTextLength, required: true) is { } error)
        {
            ShowFormErrors(new Dictionary<string, FormError> { ["text"] = error });
            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        var result = await triage.SendHostMessageAsync(id, new MessageBody(MessageText!.Trim()), cancellationToken);
        return await FinishAsync(id, result.Problem, ["text"], "host_message_sent", cancellationToken);
    }

    /// <summary>Replaces the model's digests (one a line; Triage checks them and names a bad line).</summary>
    public async Task<IActionResult> OnPostDigestsAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = "digests";
        var lines = (FileDigests ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var result = await triage.ChangeModelDigestsAsync(id, new ModelDigestsBody(lines, ExpectedVersion), cancellationToken);
        return await FinishAsync(id, result.Problem, ["fileDigests", "expectedVersion"], "digests_changed", cancellationToken);
    }

    /// <summary>Sends a closed report to the host of a re-upload (docs/models.md).</summary>
    public async Task<IActionResult> OnPostShareWithHostAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = "share-host";
        var result = await triage.ShareWithHostAsync(id, new ShareWithHostBody(ShareHost ?? "", ShareModel ?? "", ExpectedVersion), cancellationToken);
        return await FinishAsync(id, result.Problem, ["host", "modelId", "expectedVersion"], "shared_with_host", cancellationToken);
    }

    /// <summary>Every other open report of the cluster becomes a duplicate of this one (one request; Triage audits each).</summary>
    public async Task<IActionResult> OnPostMergeClusterAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = "merge-cluster";
        if (TextInput.Check(Note, ReportActions.MaxTextLength, required: false) is { } error)
        {
            ShowFormErrors(new Dictionary<string, FormError> { ["note"] = error });
            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        var result = await triage.MergeClusterAsync(id, new ClusterMergeBody(TextInput.Trimmed(Note)), cancellationToken);
        return await FinishAsync(id, result.Problem, ["note"], "cluster_merged", cancellationToken);
    }

    /// <summary>The maintainer confirms the burst: its held reports are counted in the public figures again.</summary>
    public async Task<IActionResult> OnPostConfirmBurstAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = "confirm-burst";
        return await FinishAsync(id, (await triage.ConfirmBurstAsync(id, cancellationToken)).Problem, [], "burst_confirmed", cancellationToken);
    }

    public async Task<IActionResult> OnPostClassifyAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = "classify";
        var body = new ClassificationBody(Blank(Severity), Blank(Category), ExpectedVersion);
        return await FinishAsync(id, (await triage.ClassifyAsync(id, body, cancellationToken)).Problem, ["severity", "category", "expectedVersion"], "classified", cancellationToken);
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

        return await FinishAsync(id, (await triage.AddNoteAsync(id, new NoteBody(NoteText), cancellationToken)).Problem, ["text"], "noted", cancellationToken);
    }

    /// <summary>Admins only (Triage refuses anyone else, and the page shows the form only to them).</summary>
    public async Task<IActionResult> OnPostRedactAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = "redact";
        var result = await triage.RedactAsync(id, new RedactionBody(RedactText ?? "", ExpectedVersion), cancellationToken);
        return await FinishAsync(id, result.Problem, ["text", "expectedVersion"], "redacted", cancellationToken);
    }

    /// <summary>Admins only, as the text's redaction: removes one evidence file, its bytes included.</summary>
    public async Task<IActionResult> OnPostRedactFileAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = "redact-file";
        var result = await triage.RedactFileAsync(id, RedactFileId ?? Guid.Empty, ExpectedVersion, cancellationToken);
        return await FinishAsync(id, result.Problem, ["fields", "expectedVersion"], "file_redacted", cancellationToken);
    }

    /// <summary>Maintainers share an evidence file with the host, or stop sharing it (Triage records it and re-shares the notice).</summary>
    public async Task<IActionResult> OnPostShareFileAsync(Guid id, CancellationToken cancellationToken)
    {
        ActiveForm = "share-file";
        var result = await triage.ShareFileAsync(id, RedactFileId ?? Guid.Empty, ShareFile, ExpectedVersion, cancellationToken);
        return await FinishAsync(id, result.Problem, ["shared", "expectedVersion"], ShareFile ? "file_shared" : "file_unshared", cancellationToken);
    }

    private async Task<IActionResult> AssignAsync(Guid id, string form, string? assignee, string done, CancellationToken cancellationToken)
    {
        ActiveForm = form;
        var result = await triage.AssignAsync(id, new AssignmentBody(assignee, ExpectedVersion), cancellationToken);
        return await FinishAsync(id, result.Problem, ["assignee", "expectedVersion"], done, cancellationToken);
    }

    /// <summary>Success: back to the report (Post/Redirect/Get). Otherwise the current report with the problem and the posted values.</summary>
    private async Task<IActionResult> FinishAsync(Guid id, ApiProblem? problem, string[] fields, string done, CancellationToken cancellationToken)
    {
        if (problem is null)
        {
            return Redirect($"/portal/reports/{id}?done={Uri.EscapeDataString(done.Replace("-", "_", StringComparison.Ordinal))}");
        }

        if (await LoadAsync(id, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (problem.Outcome == ApiOutcome.Conflict && Report is not null && Report.Version != ExpectedVersion)
        {
            ShowStale();
            return Page();
        }

        return await ShowProblemAsync(problem, fields) ?? Page();
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

        var similar = await triage.SimilarAsync(id, cancellationToken);
        Similarity = similar.IsOk ? similar.Value : null;

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
