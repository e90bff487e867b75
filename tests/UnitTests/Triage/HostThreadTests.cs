using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using static SafetyReports.Contracts.ReportStatuses;

namespace SafetyReports.UnitTests.Triage;

public class HostThreadTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private static Report Triaged_() => ReportWorkflowTests.NewReport(HostNotified, "high") with { TriagedAt = Now.AddDays(-1) };

    [Fact]
    public void A_maintainer_writes_to_the_reports_host_and_the_entry_keeps_the_text()
    {
        var report = Triaged_();
        var id = Guid.NewGuid();

        var outcome = HostThread.Send(report, id, "Could you tell us which revision you took down?", "ana@example.org", Now);

        Assert.Equal(WorkflowOutcomeKind.Applied, outcome.Kind);
        Assert.Equal(new HostThreadMessage(id, HostThread.FromMaintainers, "ana@example.org", "Could you tell us which revision you took down?", Now),
            Assert.Single(outcome.Report!.HostMessages));
        Assert.Equal((report.Version + 1, HostNotified), (outcome.Report.Version, outcome.Report.Status));
        Assert.Equal(new MaintainersMessagedHost(report.Id, "hub", id, "ana@example.org", "Could you tell us which revision you took down?", Now),
            Assert.Single(outcome.Messages!));
        Assert.Equal(("ana@example.org", HostThread.SentAction), (outcome.Audit!.Actor, outcome.Audit.Action));
        Assert.Contains("which revision", outcome.Audit.Data);
    }

    [Fact]
    public void Nobody_writes_to_the_host_of_a_report_never_triaged()
    {
        var outcome = HostThread.Send(ReportWorkflowTests.NewReport(Triaging), Guid.NewGuid(), "hello", "ana", Now);

        Assert.Equal(WorkflowOutcomeKind.Conflict, outcome.Kind);
        Assert.Null(outcome.Report);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  \u200B ")]
    [InlineData("bell\u0007")]
    [InlineData("\u202Ereversed")]
    public void A_message_must_be_plain_text(string? text)
    {
        Assert.Equal(["text"], HostThread.Validate(new HostMessageRequest(text)).Keys);
    }

    [Fact]
    public void A_message_may_span_lines_up_to_5000_characters()
    {
        Assert.Empty(HostThread.Validate(new HostMessageRequest("Hello,\r\n\tthanks.\n" + new string('x', 4_980))));
        Assert.Equal(["text"], HostThread.Validate(new HostMessageRequest(new string('x', 5_001))).Keys);
    }

    [Fact]
    public void The_hosts_messages_are_recorded_once_each_in_the_order_they_were_sent()
    {
        var report = HostThread.Send(Triaged_(), Guid.NewGuid(), "Our question", "ana", Now).Report!;
        var late = new HostMessagedMaintainers(report.Id, "hub", Guid.NewGuid(), "host:hub", "An answer written before the question arrived", Now.AddMinutes(-1));
        var later = new HostMessagedMaintainers(report.Id, "hub", Guid.NewGuid(), "host:hub", "And more", Now.AddMinutes(5));

        var (first, audit) = HostThread.Receive(report, late, Now.AddMinutes(10))!.Value;
        var (second, _) = HostThread.Receive(first, later, Now.AddMinutes(11))!.Value;

        Assert.Null(HostThread.Receive(second, late, Now.AddMinutes(12)));
        Assert.Equal(["An answer written before the question arrived", "Our question", "And more"], second.HostMessages.Select(m => m.Text));
        Assert.Equal([HostThread.FromHost, HostThread.FromMaintainers, HostThread.FromHost], second.HostMessages.Select(m => m.From));
        Assert.Equal(("host:hub", HostThread.ReceivedAction, report.Version + 1), (audit.Actor, audit.Action, first.Version));
        Assert.Contains("before the question", audit.Data);
    }
}
