using SafetyReports.Triage.Domain;
using static SafetyReports.Contracts.ReportStatuses;

namespace SafetyReports.UnitTests.Triage;

public class ReportAssignmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Assigning_sets_the_assignee_bumps_the_version_and_records_from_and_to()
    {
        var report = ReportWorkflowTests.NewReport(Triaging) with { Assignee = "bo", Version = 5 };
        var outcome = ReportAssignment.Apply(report, new AssignmentRequest("  ana@example.org ", 5), "lead@example.org", Now);

        Assert.Equal(WorkflowOutcomeKind.Applied, outcome.Kind);
        Assert.Equal("ana@example.org", outcome.Report!.Assignee);
        Assert.Equal(6, outcome.Report.Version);
        Assert.Equal(Now, outcome.Report.UpdatedAt);
        Assert.Equal(Triaging, outcome.Report.Status);
        Assert.Equal("assignment", outcome.Audit!.Action);
        Assert.Equal("lead@example.org", outcome.Audit.Actor);
        Assert.Equal("""{"from":"bo","to":"ana@example.org","version":6}""", outcome.Audit.Data);
        Assert.Null(outcome.Event);
    }

    [Fact]
    public void A_null_assignee_unassigns()
    {
        var report = ReportWorkflowTests.NewReport(Received) with { Assignee = "bo" };
        var outcome = ReportAssignment.Apply(report, new AssignmentRequest(null, 1), "bo", Now);
        Assert.Null(outcome.Report!.Assignee);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("two\nlines")]
    [InlineData("rtl\u202Eoverride")]
    public void A_blank_multi_line_or_disguised_name_is_invalid(string assignee)
    {
        var outcome = ReportAssignment.Apply(ReportWorkflowTests.NewReport(Received), new AssignmentRequest(assignee, 1), "a", Now);
        Assert.Equal(WorkflowOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(["assignee"], outcome.Errors!.Keys);
    }

    [Fact]
    public void A_name_longer_than_an_email_address_is_invalid()
    {
        var outcome = ReportAssignment.Apply(ReportWorkflowTests.NewReport(Received), new AssignmentRequest(new string('a', 255), 1), "a", Now);
        Assert.Equal(WorkflowOutcomeKind.Invalid, outcome.Kind);
    }

    [Fact]
    public void A_missing_version_is_invalid_and_a_stale_one_a_conflict()
    {
        var report = ReportWorkflowTests.NewReport(Received) with { Version = 3 };
        Assert.Equal(["expectedVersion"], ReportAssignment.Apply(report, new AssignmentRequest("ana", null), "a", Now).Errors!.Keys);
        var stale = ReportAssignment.Apply(report, new AssignmentRequest("ana", 2), "a", Now);
        Assert.Equal(WorkflowOutcomeKind.Conflict, stale.Kind);
        Assert.Null(stale.Report);
    }
}
