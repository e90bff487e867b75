namespace SafetyReports.Triage.Domain;

/// <summary>A maintainer's internal note: kept on the report and in the audit chain, never shown to the reporter or the host.</summary>
public static class InternalNote
{
    public static string? Validate(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Length > ReportWorkflow.MaxNoteLength
            ? $"Between 1 and {ReportWorkflow.MaxNoteLength} characters."
            : null;

    public static (Report Report, AuditDraft Audit) Add(Report report, string text, string author, DateTimeOffset now) =>
        (report with
        {
            Version = report.Version + 1,
            UpdatedAt = now,
            Notes = [.. report.Notes, new ReportNote(now, author, text)],
        },
        new AuditDraft(report.Id, now, author, "note", JsonSerializer.Serialize(new { text })));
}
