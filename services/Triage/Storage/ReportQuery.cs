namespace SafetyReports.Triage.Storage;

/// <summary>Filters and cursor of the maintainers' queue; newest first.</summary>
public sealed record ReportQuery(
    string? Status = null,
    string? Category = null,
    string? Severity = null,
    string? ModelHost = null,
    string? ModelId = null,
    string? Text = null,
    string? Assignee = null,
    ReportCursor? After = null,
    int Limit = 50);
