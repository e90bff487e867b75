using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Similarity;
using static SafetyReports.UnitTests.Triage.Similarity.SimilarityFixtures;

namespace SafetyReports.UnitTests.Triage.Similarity;

public class ClusterMergeTests
{
    [Fact]
    public void The_note_is_optional_but_limited()
    {
        Assert.Empty(ClusterMerge.Validate(new ClusterMergeRequest(null)));
        Assert.Empty(ClusterMerge.Validate(new ClusterMergeRequest("brigade")));
        Assert.Equal(["note"], ClusterMerge.Validate(new ClusterMergeRequest(" ")).Keys);
        Assert.Equal(["note"], ClusterMerge.Validate(new ClusterMergeRequest(new string('x', ReportWorkflow.MaxNoteLength + 1))).Keys);
    }

    [Fact]
    public void Every_member_but_the_target_and_its_existing_duplicates_is_merged()
    {
        var into = Report(Brigade, 0);
        var open = Report(Brigade, 1);
        var merged = Report(Brigade, 2) with { Status = ReportStatuses.Duplicate, DuplicateOf = into.Id };
        var duplicateOfAnother = Report(Brigade, 3) with { Status = ReportStatuses.Duplicate, DuplicateOf = Guid.NewGuid() };
        var cluster = new ReportCluster([into, open, merged, duplicateOfAnother], into.ReceivedAt, duplicateOfAnother.ReceivedAt, 0, false);

        Assert.Equal([open.Id, duplicateOfAnother.Id], ClusterMerge.ToMerge(cluster, into.Id).Select(r => r.Id));
    }

    public static TheoryData<string> EveryStatus() => [.. ReportStatuses.All];

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void A_member_becomes_a_duplicate_through_the_workflow_exactly_when_its_status_allows_it(string from)
    {
        var into = Guid.NewGuid();
        var member = ReportWorkflowTests.NewReport(from) with { Version = 4 };
        var outcome = ReportWorkflow.Apply(member, ClusterMerge.Transition(member, into, "brigade"), "ana", DateTimeOffset.UnixEpoch);

        var allowed = ReportWorkflow.IsAllowed(from, ReportStatuses.Duplicate, ActorKind.Maintainer);
        Assert.Equal(allowed ? ClusterMerge.Merged : ClusterMerge.Conflict, ClusterMerge.OutcomeOf(outcome.Kind));
        if (allowed)
        {
            Assert.Equal((ReportStatuses.Duplicate, into, 5L, "transition"), (outcome.Report!.Status, outcome.Report.DuplicateOf, outcome.Report.Version, outcome.Audit!.Action));
        }
    }

    [Fact]
    public void Options_are_checked_at_start()
    {
        Assert.True(new SimilarityOptions().IsValid());
        Assert.False(new SimilarityOptions { Threshold = 0 }.IsValid());
        Assert.False(new SimilarityOptions { Threshold = 1.1 }.IsValid());
        Assert.False(new SimilarityOptions { Window = TimeSpan.Zero }.IsValid());
        Assert.False(new SimilarityOptions { BurstSize = 1 }.IsValid());
        Assert.False(new SimilarityOptions { BurstSize = 5, BurstDistinctClients = 6 }.IsValid());
        Assert.False(new SimilarityOptions { BurstDistinctClients = 0 }.IsValid());
    }
}
