using SafetyReports.Contracts;
using SafetyReports.Intake.Domain;

namespace SafetyReports.UnitTests.Intake;

public class ContestRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid ReportId = Guid.NewGuid();

    private static ReceiptHostResponse Response(int revision) =>
        ReceiptHostResponse.From(HostResponseOnReceiptTests.Responded(revision) with { ReportId = ReportId });

    [Fact]
    public void Nothing_can_be_contested_before_the_host_responds()
    {
        Assert.Equal(ContestOutcome.NoHostResponse, ContestRules.Check(null, []));
        Assert.False(ContestRules.CanContest(null, []));
    }

    [Fact]
    public void Each_revision_of_the_response_can_be_contested_once()
    {
        var first = Response(1);
        var contest = ContestRules.Open(ReportId, first, T0);

        Assert.True(ContestRules.CanContest(first, []));
        Assert.Equal(ContestOutcome.AlreadyContested, ContestRules.Check(first, [contest]));
        Assert.True(ContestRules.CanContest(Response(2), [contest]));
    }

    [Fact]
    public void A_contest_has_the_id_every_service_derives_and_starts_pending()
    {
        var contest = ContestRules.Open(ReportId, Response(3), T0);

        Assert.Equal(ContestIds.For(ReportId, "hub-a", 3), contest.Id);
        Assert.Equal(("hub-a", 3, T0, ContestStates.Pending), (contest.HostId, contest.ResponseRevision, contest.ContestedAt, contest.State));
    }

    [Fact]
    public void Adding_checks_the_receipt_as_it_is_when_written()
    {
        var contest = ContestRules.Open(ReportId, Response(1), T0);

        Assert.Equal(ContestOutcome.Accepted, ContestRules.CheckAdd(Response(1), [], contest));
        // A newer response arrived meanwhile: the reporter still contested what they were shown.
        Assert.Equal(ContestOutcome.Accepted, ContestRules.CheckAdd(Response(2), [], contest));
        // A second request for the same revision (a double click) lost the race.
        Assert.Equal(ContestOutcome.AlreadyContested, ContestRules.CheckAdd(Response(1), [contest], contest));
        Assert.Equal(ContestOutcome.NoHostResponse, ContestRules.CheckAdd(null, [], contest));
    }

    [Fact]
    public void Forwarding_then_closing_moves_the_contest_and_repeats_change_nothing()
    {
        var contest = ContestRules.Open(ReportId, Response(1), T0);
        var forwarded = new ContestForwarded(ReportId, contest.Id, "hub-a", 1, "The host overlooked the output.", null, T0, T0.AddHours(1));
        var closed = new ContestClosed(ReportId, contest.Id, "The host removed the model after all.", T0.AddHours(2));

        var afterForward = ContestRules.Forwarded([contest], forwarded)!;
        Assert.Equal(ContestStates.Forwarded, Assert.Single(afterForward).State);
        Assert.Null(ContestRules.Forwarded(afterForward, forwarded));

        var afterClose = ContestRules.Closed(afterForward, closed)!;
        var final = Assert.Single(afterClose);
        Assert.Equal((ContestStates.Closed, T0.AddHours(1), T0.AddHours(2), "The host removed the model after all."),
            (final.State, final.ForwardedAt, final.ClosedAt, final.PublicNote));
        Assert.Null(ContestRules.Closed(afterClose, closed with { PublicNote = "Another note", ClosedAt = T0.AddHours(3) }));
    }

    [Fact]
    public void A_late_forward_after_the_close_keeps_it_closed()
    {
        var contest = ContestRules.Open(ReportId, Response(1), T0);
        var closed = ContestRules.Closed([contest], new ContestClosed(ReportId, contest.Id, "Closed.", T0.AddHours(2)))!;

        var late = ContestRules.Forwarded(closed, new ContestForwarded(ReportId, contest.Id, "hub-a", 1, "r", null, T0, T0.AddHours(1)))!;

        var final = Assert.Single(late);
        Assert.Equal((ContestStates.Closed, T0.AddHours(1)), (final.State, final.ForwardedAt));
    }

    [Fact]
    public void Events_about_a_contest_the_receipt_lacks_add_it_when_they_say_enough()
    {
        var id = ContestIds.For(ReportId, "hub-a", 1);

        Assert.Null(ContestRules.Closed([], new ContestClosed(ReportId, id, "Closed.", T0)));
        var added = Assert.Single(ContestRules.Forwarded([], new ContestForwarded(ReportId, id, "hub-a", 1, "r", "n", T0, T0.AddHours(1)))!);
        Assert.Equal(new ReceiptContest(id, "hub-a", 1, T0, T0.AddHours(1)), added);
    }

    [Fact]
    public void The_reporter_sees_the_contest_of_the_latest_revision_they_contested()
    {
        var first = ContestRules.Open(ReportId, Response(1), T0);
        var second = ContestRules.Open(ReportId, Response(2), T0.AddDays(1));

        Assert.Null(ContestRules.Latest([]));
        Assert.Same(second, ContestRules.Latest([second, first]));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(" \n ", false)]
    [InlineData("\u200B", false)]
    [InlineData("The host kept the model online.\nIt still answers.", true)]
    [InlineData("Evil \u202E text", false)]
    public void A_reason_is_required_multiline_text(string? reason, bool accepted)
    {
        Assert.Equal(accepted, ContestRules.ReasonProblem(reason) is null);
    }

    [Fact]
    public void A_reason_is_at_most_five_thousand_characters()
    {
        Assert.Null(ContestRules.ReasonProblem(new string('x', 5_000)));
        Assert.Equal("At most 5000 characters.", ContestRules.ReasonProblem(new string('x', 5_001)));
    }
}
