namespace SafetyReports.Triage.Domain;

/// <summary>
/// Every download of an evidence file, a maintainer's or the host's, is recorded in the report's audit chain before the bytes
/// are served, as exports are: who took which file and when (<c>file_downloaded</c>, data <c>{"fileId"}</c>), never its name
/// or content. Unlike an export it does not move the report's version: a read changes nothing of the report, and the portal's
/// report page reads an image to show it (blurred), which must not make the page's own forms stale.
/// </summary>
public static class EvidenceFileDownloads
{
    public const string Action = "file_downloaded";

    public static AuditDraft Record(Guid reportId, Guid fileId, string actor, DateTimeOffset now) =>
        new(reportId, now, actor, Action, JsonSerializer.Serialize(new { fileId }));
}
