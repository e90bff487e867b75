using System.Text.Json;
using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using static SafetyReports.Contracts.ReportStatuses;

namespace SafetyReports.UnitTests.Triage;

public class ReportContestsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private const string Reason = "The host kept the model up although it still does this.";

    private static ReporterContested Contested(Guid reportId, int revision = 1) =>
        new(reportId, ContestIds.For(reportId, "hub", revision), "hub", revision, Reason, Now.AddMinutes(-5));

    private static Report Responded() => ReportWorkflowTests.NewReport(Acknowledged, "high") with
    {
        TriagedAt = Now.AddDays(-2),
        RespondedAt = Now.AddDays(-1),
        HostResponse = new HostStatement(1, HostResponseActions.NoAction, null, null, "Within our terms.", false, null, Now.AddDays(-1)),
    };

    private static Report WithContest(out Guid contestId)
    {
        var report = Responded();
        var contested = Contested(report.Id);
        contestId = contested.ContestId;
        return ReportContests.Record(report, contested, Now)!.Value.Report;
    }

    [Fact]
    public void A_contest_is_recorded_open_once_with_the_reporters_reason_in_its_entry_and_no_move()
    {
        var report = Responded();
        var contested = Contested(report.Id);

        var (updated, audit) = ReportContests.Record(report, contested, Now)!.Value;

        var contest = Assert.Single(updated.Contests);
        Assert.Equal(new ReportContest(contested.ContestId, "hub", 1, Reason, Now.AddMinutes(-5), ContestStates.Open), contest);
        Assert.True(ReportContests.HasOpen(updated));
        Assert.Equal((Acknowledged, report.Version + 1, Now), (updated.Status, updated.Version, updated.UpdatedAt));
        Assert.Equal(("reporter", ReportContests.ContestedAction), (audit.Actor, audit.Action));
        Assert.Contains(Reason, JsonDocument.Parse(audit.Data).RootElement.GetProperty("reason").GetString());
        Assert.Null(ReportContests.Record(updated, contested, Now.AddMinutes(1)));

        var second = ReportContests.Record(updated, Contested(report.Id, 2), Now.AddMinutes(1))!.Value.Report;
        Assert.Equal([1, 2], second.Contests.Select(c => c.ResponseRevision));
    }

    [Fact]
    public void Forwarding_sends_the_reporters_reason_unless_shortened_and_records_only_the_maintainers_text()
    {
        var report = WithContest(out var id);

        var outcome = ReportContests.Forward(report, id, new ContestForwardRequest(null, "Please look again.", report.Version), "ana", Now.AddHours(1));

        Assert.Equal(WorkflowOutcomeKind.Applied, outcome.Kind);
        var contest = Assert.Single(outcome.Report!.Contests);
        Assert.Equal((ContestStates.Forwarded, Now.AddHours(1), Reason, "Please look again."),
            (contest.State, contest.ForwardedAt, contest.ForwardedReason, contest.ForwardNote));
        Assert.False(ReportContests.HasOpen(outcome.Report));
        Assert.Equal(new ContestForwarded(report.Id, id, "hub", 1, Reason, "Please look again.", Now.AddMinutes(-5), Now.AddHours(1)),
            Assert.Single(outcome.Messages!));
        Assert.Equal(("ana", ReportContests.ForwardedAction), (outcome.Audit!.Actor, outcome.Audit.Action));
        Assert.DoesNotContain(Reason, outcome.Audit.Data, StringComparison.Ordinal);
        Assert.Contains("\"reasonEdited\":false", outcome.Audit.Data);

        var shortened = ReportContests.Forward(report, id, new ContestForwardRequest("Still does it.", null, report.Version), "ana", Now);
        Assert.Equal("Still does it.", Assert.IsType<ContestForwarded>(Assert.Single(shortened.Messages!)).Reason);
        Assert.Contains("\"reason\":\"Still does it.\"", shortened.Audit!.Data);
    }

    [Fact]
    public void Closing_an_open_or_forwarded_contest_sends_its_public_note()
    {
        var report = WithContest(out var id);
        var forwarded = ReportContests.Forward(report, id, new ContestForwardRequest(null, null, report.Version), "ana", Now).Report!;

        foreach (var before in new[] { report, forwarded })
        {
            var outcome = ReportContests.Close(before, id, new ContestCloseRequest("We asked the host again; it stands by its answer.", before.Version), "bo", Now.AddDays(1));

            Assert.Equal(WorkflowOutcomeKind.Applied, outcome.Kind);
            var contest = Assert.Single(outcome.Report!.Contests);
            Assert.Equal((ContestStates.Closed, Now.AddDays(1), "We asked the host again; it stands by its answer."), (contest.State, contest.ClosedAt, contest.PublicNote));
            Assert.Equal(new ContestClosed(report.Id, id, "We asked the host again; it stands by its answer.", Now.AddDays(1)), Assert.Single(outcome.Messages!));
            Assert.Equal(ReportContests.ClosedAction, outcome.Audit!.Action);
            Assert.Contains($"\"from\":\"{before.Contests.Single().State}\"", outcome.Audit.Data);
            Assert.Equal(before.Status, outcome.Report.Status);
        }
    }

    [Fact]
    public void A_contest_moves_only_forward_and_an_unknown_one_is_not_found()
    {
        var report = WithContest(out var id);
        var closed = ReportContests.Close(report, id, new ContestCloseRequest("done", report.Version), "bo", Now).Report!;
        var forwarded = ReportContests.Forward(report, id, new ContestForwardRequest(null, null, report.Version), "bo", Now).Report!;

        Assert.Equal(WorkflowOutcomeKind.Conflict, ReportContests.Forward(closed, id, new ContestForwardRequest(null, null, closed.Version), "a", Now).Kind);
        Assert.Equal(WorkflowOutcomeKind.Conflict, ReportContests.Forward(forwarded, id, new ContestForwardRequest(null, null, forwarded.Version), "a", Now).Kind);
        Assert.Equal(WorkflowOutcomeKind.Conflict, ReportContests.Close(closed, id, new ContestCloseRequest("again", closed.Version), "a", Now).Kind);

        var unknown = ReportContests.Forward(report, Guid.NewGuid(), new ContestForwardRequest(null, null, report.Version), "a", Now);
        Assert.Equal(WorkflowOutcomeKind.NotFound, unknown.Kind);
        Assert.Contains("contest", unknown.Detail);
    }

    [Fact]
    public void Bad_fields_and_stale_versions_are_refused_and_change_nothing()
    {
        var report = WithContest(out var id);

        Assert.Equal(["publicNote"], ReportContests.Close(report, id, new ContestCloseRequest(" ", report.Version), "a", Now).Errors!.Keys);
        Assert.Equal(["publicNote", "expectedVersion"], ReportContests.Close(report, id, new ContestCloseRequest(null, null), "a", Now).Errors!.Keys);
        Assert.Equal(["publicNote"], ReportContests.Close(report, id, new ContestCloseRequest(new string('n', 5_001), report.Version), "a", Now).Errors!.Keys);
        Assert.Equal(["reason", "note"],
            ReportContests.Forward(report, id, new ContestForwardRequest("a\u0000b", "\u202Eevil", report.Version), "a", Now).Errors!.Keys);
        Assert.Equal(WorkflowOutcomeKind.Conflict, ReportContests.Close(report, id, new ContestCloseRequest("ok", report.Version - 1), "a", Now).Kind);
        Assert.Equal(WorkflowOutcomeKind.Conflict, ReportContests.Forward(report, id, new ContestForwardRequest(null, null, report.Version + 1), "a", Now).Kind);
    }

    [Fact]
    public void A_blank_reason_forwards_the_reporters()
    {
        var report = WithContest(out var id);

        var outcome = ReportContests.Forward(report, id, new ContestForwardRequest(" \n ", "", report.Version), "a", Now);

        Assert.Equal((Reason, (string?)null), (outcome.Report!.Contests.Single().ForwardedReason, outcome.Report.Contests.Single().ForwardNote));
    }
}
