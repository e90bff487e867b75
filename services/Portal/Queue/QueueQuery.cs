namespace SafetyReports.Portal.Queue;

/// <summary>
/// The queue's filters as the page's query string carries them (the same names as the Triage API's),
/// and the URLs built from them: the API call, the counts call, the next page and a status tab.
/// </summary>
public sealed record QueueQuery
{
    public const int DefaultLimit = 50;

    /// <summary>The status filter for every report not closed (resolved, rejected, duplicate).</summary>
    public const string OpenStatus = "open";
    public static readonly IReadOnlyList<string> Sorts = ["newest", "oldest", "deadline"];

    public string? Status { get; init; }
    public string? Category { get; init; }
    public string? Severity { get; init; }
    public string? ModelHost { get; init; }
    public string? ModelId { get; init; }
    public string? Q { get; init; }
    public string? Assignee { get; init; }
    public string? Sort { get; init; }
    public bool Overdue { get; init; }

    /// <summary>Only reports with a reporter's contest waiting for the maintainers.</summary>
    public bool Contested { get; init; }
    public string? Cursor { get; init; }
    public int? Limit { get; init; }

    /// <summary>Values a maintainer cannot have meant are dropped rather than sent on (the API would answer 400 for the whole page).</summary>
    public QueueQuery Normalized() => this with
    {
        Status = ReportStatuses.IsKnown(Status) || Status == OpenStatus ? Status : null,
        Severity = Severities.IsKnown(Severity) ? Severity : null,
        Category = HazardTaxonomy.IsKnown(Category) ? Category : null,
        Sort = Sort is "oldest" or "deadline" ? Sort : null,
        Limit = Limit is >= 1 and <= 200 ? Limit : null,
        ModelHost = Blank(ModelHost),
        ModelId = Blank(ModelId),
        Q = Blank(Q),
        Assignee = Blank(Assignee),
        Cursor = Blank(Cursor),
    };

    private IEnumerable<(string, string?)> Filters(bool withStatus) =>
    [
        ("status", withStatus ? Status : null),
        ("category", Category),
        ("severity", Severity),
        ("modelHost", ModelHost),
        ("modelId", ModelId),
        ("q", Q),
        ("assignee", Assignee),
        ("overdue", Overdue ? "true" : null),
        ("contested", Contested ? "true" : null),
    ];

    /// <summary>For <c>GET /api/v1/triage/reports</c>.</summary>
    public string ToApiQueryString() => UrlQuery.Build(
        Filters(withStatus: true).Concat([("sort", Sort), ("cursor", Cursor), ("limit", (Limit ?? DefaultLimit).ToString(CultureInfo.InvariantCulture))]));

    /// <summary>For <c>GET /api/v1/triage/reports/counts</c>: the same filters minus status, cursor, limit and sort.</summary>
    public string ToCountsQueryString() => UrlQuery.Build(Filters(withStatus: false));

    /// <summary>This page's own URL with these filters (no cursor: the first page).</summary>
    public string ToPageUrl(string path = "/portal") => path + UrlQuery.Build(
        Filters(withStatus: true).Concat([("sort", Sort), ("limit", Limit?.ToString(CultureInfo.InvariantCulture))]));

    public string NextPageUrl(string cursor, string path = "/portal") => path + UrlQuery.Build(
        Filters(withStatus: true).Concat([("sort", Sort), ("limit", Limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)]));

    /// <summary>The same filters on another status (null: every status), from the first page.</summary>
    public string StatusUrl(string? status, string path = "/portal") => (this with { Status = status, Cursor = null }).ToPageUrl(path);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
