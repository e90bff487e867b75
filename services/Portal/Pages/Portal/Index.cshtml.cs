namespace SafetyReports.Portal.Pages.Portal;

/// <summary>
/// <c>/portal</c>: the queue. Filters, search and sort travel in the query string (bookmarkable, no
/// JavaScript); counts per status; cursor paging; bulk rejection of spam.
/// </summary>
public sealed class IndexModel(TriageClient triage, TimeProvider clock) : PortalPageModel
{
    public const int MaxBulk = 200;

    public QueueQuery Query { get; private set; } = new();

    public IReadOnlyList<ReportListItem> Items { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public StatusCounts? Counts { get; private set; }

    public IReadOnlyList<BulkRejectOutcome> BulkResults { get; private set; } = [];

    public string BulkNote { get; private set; } = "spam";

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public SlaState SlaOf(ReportListItem item) => SlaDisplay.For(item.Status, item.Deadline, item.Overdue, Now);

    public async Task<IActionResult> OnGetAsync([FromQuery] QueueQuery query, string? done, CancellationToken cancellationToken)
    {
        ShowDone(done);
        return await LoadAsync(query, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostBulkRejectAsync(
        [FromQuery] QueueQuery query, [FromForm] List<Guid>? ids, [FromForm] string? note, CancellationToken cancellationToken)
    {
        BulkNote = note?.Trim() ?? "";
        var selected = ids?.Distinct().ToList() ?? [];
        if (selected.Count == 0)
        {
            Errors.Add(Text["Error_BulkNoneSelected"]);
        }
        else if (selected.Count > MaxBulk)
        {
            Errors.Add(Text["Error_BulkTooMany", MaxBulk]);
        }
        else if (BulkNote.Length == 0)
        {
            FieldErrors["note"] = Text["Error_ReasonRequired"];
            Errors.Add(Text["Error_FixFields"]);
        }
        else
        {
            var result = await triage.BulkRejectAsync(new BulkRejectBody(selected, BulkNote), cancellationToken);
            if (result.IsOk)
            {
                BulkResults = result.Value!.Results;
                var rejected = BulkResults.Count(r => r.Outcome == "rejected");
                Notice = Text["Bulk_Summary", rejected, BulkResults.Count - rejected];
            }
            else if (await ShowProblemAsync(result.Problem!, "ids", "note") is { } stop)
            {
                return stop;
            }
        }

        return await LoadAsync(query, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(QueueQuery query, CancellationToken cancellationToken)
    {
        Query = (query ?? new QueueQuery()).Normalized();
        var page = await triage.ListAsync(Query, cancellationToken);
        if (!page.IsOk)
        {
            return await ShowProblemAsync(page.Problem!, "q", "status", "category", "severity", "modelHost", "modelId", "assignee", "sort", "overdue", "contested", "cursor");
        }

        Items = page.Value!.Items;
        NextCursor = page.Value.NextCursor;
        // Counts are a convenience: a Triage without the endpoint still gives a working queue.
        var counts = await triage.CountsAsync(Query, cancellationToken);
        Counts = counts.IsOk ? counts.Value : null;
        return null;
    }
}
