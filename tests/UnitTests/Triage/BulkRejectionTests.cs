using SafetyReports.Triage.Domain;
using static SafetyReports.Contracts.ReportStatuses;

namespace SafetyReports.UnitTests.Triage;

public class BulkRejectionTests
{
    [Theory]
    [InlineData(0, "spam", "ids")]
    [InlineData(201, "spam", "ids")]
    [InlineData(1, "", "note")]
    [InlineData(1, null, "note")]
    public void The_request_needs_1_to_200_ids_and_a_note(int count, string? note, string field)
    {
        var errors = BulkRejection.Validate(new BulkRejectRequest(Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList(), note));
        Assert.Equal([field], errors.Keys);
        Assert.Equal(["ids"], BulkRejection.Validate(new BulkRejectRequest(null, "spam")).Keys);
        Assert.Empty(BulkRejection.Validate(new BulkRejectRequest(Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToList(), "spam")));
    }

    public static TheoryData<string> EveryStatus() => [.. All];

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void A_report_is_rejected_at_its_current_version_exactly_when_its_status_allows_it(string from)
    {
        var report = ReportWorkflowTests.NewReport(from, "low") with { Version = 7 };
        var outcome = ReportWorkflow.Apply(report, BulkRejection.Transition(report, "spam"), "ana", DateTimeOffset.UnixEpoch);
        var expected = ReportWorkflow.IsAllowed(from, Rejected, ActorKind.Maintainer) ? BulkRejection.Rejected : BulkRejection.Conflict;
        Assert.Equal(expected, BulkRejection.OutcomeOf(outcome.Kind));
        if (outcome.Report is { } rejected)
        {
            Assert.Equal((Rejected, 8L, "spam"), (rejected.Status, rejected.Version, rejected.Notes.Single().Text));
        }
    }

    [Fact]
    public void Not_found_and_save_conflicts_map_to_their_outcomes()
    {
        Assert.Equal("not_found", BulkRejection.OutcomeOf(WorkflowOutcomeKind.NotFound));
        Assert.Equal("conflict", BulkRejection.OutcomeOf(WorkflowOutcomeKind.Conflict));
        Assert.Equal("rejected", BulkRejection.OutcomeOf(WorkflowOutcomeKind.Applied));
    }
}
