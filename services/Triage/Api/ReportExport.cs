namespace SafetyReports.Triage.Api;

/// <summary>
/// One report's full record for an admin (a data-subject or legal request): the maintainer's view with the
/// contact decrypted, its notes, public notes, reporter messages and host response, and its audit entries.
/// </summary>
public sealed record ReportExport(DateTimeOffset ExportedAt, ReportView Report, IReadOnlyList<AuditEntry> Audit)
{
    public static string FileName(Guid id) => $"report-{id:D}.json";
}
