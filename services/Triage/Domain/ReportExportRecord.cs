namespace SafetyReports.Triage.Domain;

/// <summary>
/// An admin's export of one report's full record (contact included) is itself recorded in the audit chain:
/// who exported it and when, nothing of what was exported. The report's content and update time stay as they were.
/// </summary>
public static class ReportExportRecord
{
    public const string Action = "exported";

    public static (Report Report, AuditDraft Audit) Record(Report report, string actor, DateTimeOffset now) =>
        (report with { Version = report.Version + 1 }, new AuditDraft(report.Id, now, actor, Action, "{}"));
}
