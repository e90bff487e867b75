using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Domain;

/// <summary>
/// The queue's query string as the API receives it, checked and turned into a store query. <c>status</c> is a status or <c>open</c>;
/// <c>contested=true</c> keeps reports with a contest waiting on the maintainers.
/// </summary>
public sealed record QueueFilter(
    string? Status, string? Category, string? Severity, string? ModelHost, string? ModelId,
    string? Q, string? Assignee, string? Cursor, int? Limit, string? Sort = null, bool? Overdue = null, bool? Contested = null)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxTextLength = 500;

    /// <param name="now">The time <c>overdue=true</c> compares deadlines with.</param>
    /// <returns>The query, or the field errors (and no query) when a value is not one the queue knows.</returns>
    public (ReportQuery? Query, Dictionary<string, string[]> Errors) ToQuery(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var open = Status == OpenReports.StatusFilter;
        if (Status is not null && !open && !ReportStatuses.IsKnown(Status))
        {
            errors["status"] = [$"A status, or {OpenReports.StatusFilter} for every status but resolved, rejected and duplicate."];
        }

        if (Category is not null && !HazardTaxonomy.IsKnown(Category))
        {
            errors["category"] = ["Unknown category."];
        }

        if (Severity is not null && !Severities.IsKnown(Severity))
        {
            errors["severity"] = ["Unknown severity."];
        }

        if (Q is { Length: > MaxTextLength })
        {
            errors["q"] = [$"At most {MaxTextLength} characters."];
        }

        if (Limit is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"Between 1 and {MaxPageSize}."];
        }

        if (!ReportSorts.TryParse(Sort, out var sort))
        {
            errors["sort"] = [$"One of {string.Join(", ", ReportSorts.Names)}."];
        }

        if (!ReportCursor.TryDecode(Cursor, out var after) || (after is not null && !errors.ContainsKey("sort") && after.Sort != sort))
        {
            errors["cursor"] = ["Not a cursor this API returned for this sort."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        // Hosts are lower-cased at intake, so the filter is too. Overdue reports are all open: open adds nothing to overdue.
        return (new ReportQuery(open ? null : Status, Category, Severity, ModelHost?.Trim().ToLowerInvariant(), ModelId, Q, Assignee, after,
            Limit ?? DefaultPageSize, sort, Overdue == true ? now : null, Open: open && Overdue != true, Contested: Contested == true), errors);
    }
}
