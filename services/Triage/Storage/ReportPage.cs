namespace SafetyReports.Triage.Storage;

public sealed record ReportPage(IReadOnlyList<Report> Items, ReportCursor? Next);
