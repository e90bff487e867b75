namespace SafetyReports.Triage.Domain;

/// <summary>What Triage writes when it first stores a submitted report.</summary>
public static class ReportReceipt
{
    public static (Report Report, AuditDraft Audit, ReportStatusChanged Event) Receive(ReportSubmitted submitted, DateTimeOffset now)
    {
        var report = Report.FromSubmission(submitted, now);
        var data = JsonSerializer.Serialize(new
        {
            to = report.Status,
            model = report.Model,
            category = report.Category,
            severity = report.Severity,
            evidenceItems = report.Evidence.Count,
            withContact = report.ProtectedContact is not null,

            // Intake's time, which the figures count from; the entry's own time is when Triage stored it.
            receivedAt = report.ReceivedAt,
        });
        return (report, new AuditDraft(report.Id, now, "intake", "received", data), report.StatusChanged(null, null));
    }
}
