using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;

namespace SafetyReports.UnitTests.Triage;

public class ReportExportRecordTests
{
    [Fact]
    public void An_export_is_an_audit_entry_without_data_and_changes_only_the_version()
    {
        var at = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        var report = new Report
        {
            Id = Guid.NewGuid(), Status = ReportStatuses.Triaging, Version = 3, Model = new ModelReference("hub", "org/m"),
            Category = "hate", Title = "t", Description = "d", ProtectedContact = "sealed", ReceivedAt = at.AddDays(-1), UpdatedAt = at.AddHours(-1),
        };

        var (recorded, audit) = ReportExportRecord.Record(report, "admin@example.org", at);

        Assert.Equal(report with { Version = 4 }, recorded);
        Assert.Equal(new AuditDraft(report.Id, at, "admin@example.org", "exported", "{}"), audit);
    }
}
