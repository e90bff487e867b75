namespace SafetyReports.Triage.Domain;

/// <summary>
/// Every download of an evidence file, a maintainer's or the host's, is recorded in the report's audit chain before the bytes
/// are served, as an export is (<see cref="ReportExportRecord"/>): who took which file and when (<c>file_downloaded</c>,
/// data <c>{"fileId"}</c>), never its name or content. The chain is where Triage answers "who saw what"; like an export, the
/// entry moves the report's version on, and its content stays as it was.
/// </summary>
public static class EvidenceFileDownloads
{
    public const string Action = "file_downloaded";

    public static (Report Report, AuditDraft Audit) Record(Report report, Guid fileId, string actor, DateTimeOffset now) =>
        (report with { Version = report.Version + 1 }, new AuditDraft(report.Id, now, actor, Action, JsonSerializer.Serialize(new { fileId })));
}
