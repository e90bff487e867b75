using SafetyReports.Contracts;
using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Domain;

/// <summary>The queue's query string as the API receives it, checked and turned into a store query.</summary>
public sealed record QueueFilter(
    string? Status, string? Category, string? Severity, string? ModelHost, string? ModelId,
    string? Q, string? Assignee, string? Cursor, int? Limit)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <returns>The query, or the field errors (and no query) when a value is not one the queue knows.</returns>
    public (ReportQuery? Query, Dictionary<string, string[]> Errors) ToQuery()
    {
        var errors = new Dictionary<string, string[]>();
        if (Status is not null && !ReportStatuses.IsKnown(Status))
        {
            errors["status"] = ["Unknown status."];
        }

        if (Category is not null && !HazardTaxonomy.IsKnown(Category))
        {
            errors["category"] = ["Unknown category."];
        }

        if (Severity is not null && !Severities.IsKnown(Severity))
        {
            errors["severity"] = ["Unknown severity."];
        }

        if (Limit is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"Between 1 and {MaxPageSize}."];
        }

        if (!ReportCursor.TryDecode(Cursor, out var after))
        {
            errors["cursor"] = ["Not a cursor this API returned."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        // Hosts are lower-cased at intake, so the filter is too.
        return (new ReportQuery(Status, Category, Severity, ModelHost?.Trim().ToLowerInvariant(), ModelId, Q, Assignee, after, Limit ?? DefaultPageSize), errors);
    }
}
