using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using static SafetyReports.Contracts.ReportStatuses;

namespace SafetyReports.UnitTests.Triage;

public class ReporterReplyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_answer_moves_a_report_waiting_on_the_reporter_back_to_triaging_once()
    {
        var report = ReportWorkflowTests.NewReport(NeedsInfo);
        var reply = new ReporterReplied(report.Id, Guid.NewGuid(), "Here is the transcript.", Now);

        var (updated, audit, changed) = SystemMoves.RecordReporterReply(report, reply, Now)!.Value;
        Assert.Equal(Triaging, updated.Status);
        Assert.Equal(report.Version + 1, updated.Version);
        Assert.Equal("Here is the transcript.", Assert.Single(updated.ReporterMessages).Text);
        Assert.Equal("reporter_message", audit.Action);
        Assert.Equal(NeedsInfo, changed!.PreviousStatus);
        Assert.Null(SystemMoves.RecordReporterReply(updated, reply, Now));
    }

    [Fact]
    public void An_answer_in_another_status_is_kept_without_a_move()
    {
        var report = ReportWorkflowTests.NewReport(Triaged, severity: "low");
        var (updated, _, changed) = SystemMoves.RecordReporterReply(report, new ReporterReplied(report.Id, Guid.NewGuid(), "late", Now), Now)!.Value;
        Assert.Equal(Triaged, updated.Status);
        Assert.Null(changed);
        Assert.Single(updated.ReporterMessages);
    }
}
