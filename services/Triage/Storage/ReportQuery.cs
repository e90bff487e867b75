namespace SafetyReports.Triage.Storage;

/// <summary>
/// Filters, order and cursor of the maintainers' queue. <see cref="Text"/> is full-text search (words
/// ANDed, see <see cref="SearchTerms"/>). <see cref="OverdueAt"/>, when set, keeps only reports still open
/// for triage whose deadline is before that time. <see cref="CountCap"/> is where counts with a search term
/// stop (see <see cref="ReportCounts"/>); lists ignore it. <see cref="Open"/> keeps only reports not closed
/// (<see cref="Domain.OpenReports"/>); like <see cref="Status"/>, counts ignore it. <see cref="Contested"/> keeps only reports with
/// an open contest (<see cref="Domain.ReportContests.HasOpen"/>); counts apply it.
/// </summary>
public sealed record ReportQuery(
    string? Status = null,
    string? Category = null,
    string? Severity = null,
    string? ModelHost = null,
    string? ModelId = null,
    string? Text = null,
    string? Assignee = null,
    ReportCursor? After = null,
    int Limit = 50,
    ReportSort Sort = ReportSort.Newest,
    DateTimeOffset? OverdueAt = null,
    int CountCap = ReportCounts.SearchCap,
    bool Open = false,
    bool Contested = false);
