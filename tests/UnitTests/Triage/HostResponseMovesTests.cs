using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;

namespace SafetyReports.UnitTests.Triage;

public class HostResponseMovesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static Report Acknowledged() => new()
    {
        Id = Guid.NewGuid(),
        Status = ReportStatuses.Acknowledged,
        Version = 5,
        Model = new ModelReference("hub", "org/model"),
        Category = "hate",
        Title = "Title",
        Description = "Description",
        ReceivedAt = Now.AddDays(-3),
        UpdatedAt = Now.AddDays(-1),
        AcknowledgedAt = Now.AddDays(-1),
    };

    private static HostResponded Responded(Guid reportId, int revision, string action = "removed", DateTimeOffset? at = null) =>
        new(reportId, "hub", revision, action, "the repository", null, "ToS §4", false, null, at ?? Now);

    [Fact]
    public void The_first_response_is_recorded_with_its_time_and_audited_as_the_hosts()
    {
        var report = Acknowledged();
        var (updated, audit) = HostResponseMoves.Record(report, Responded(report.Id, 1), Now.AddSeconds(1))!.Value;

        Assert.Equal(6, updated.Version);
        Assert.Equal(ReportStatuses.Acknowledged, updated.Status);
        Assert.Equal(Now, updated.RespondedAt);
        Assert.Equal(new HostStatement(1, "removed", "the repository", null, "ToS §4", false, null, Now), updated.HostResponse);
        Assert.Equal(HostResponseMoves.Responded, audit.Action);
        Assert.Equal("host:hub", audit.Actor);
        Assert.Contains("\"grounds\":\"ToS \\u00A74\"", audit.Data);
    }

    [Fact]
    public void The_dsa_fields_of_a_statement_are_kept_on_the_report_and_in_the_entry()
    {
        var report = Acknowledged();
        var responded = Responded(report.Id, 1) with
        {
            DecisionGround = DecisionGrounds.IllegalContent,
            LegalGround = "Art. 3 of the act",
            TerritorialScope = ["DE", "FR"],
            AutomatedDetection = true,
            AutomatedDecision = false,
            Redress = "Write to appeals@hub.example",
        };

        var (updated, audit) = HostResponseMoves.Record(report, responded, Now)!.Value;

        var statement = updated.HostResponse!;
        Assert.Equal((DecisionGrounds.IllegalContent, "Art. 3 of the act", (string?)null, true, false, "Write to appeals@hub.example"),
            (statement.DecisionGround, statement.LegalGround, statement.TermsReference, statement.AutomatedDetection, statement.AutomatedDecision, statement.Redress));
        Assert.Equal(["DE", "FR"], statement.TerritorialScope!);
        Assert.Contains("\"decisionGround\":\"illegal_content\"", audit.Data);
        Assert.Contains("\"territorialScope\":[\"DE\",\"FR\"]", audit.Data);
        Assert.Contains("\"automatedDetection\":true", audit.Data);
        Assert.Contains("\"redress\":\"Write to appeals@hub.example\"", audit.Data);
    }

    [Fact]
    public void A_statement_from_before_the_dsa_fields_has_none_of_them()
    {
        var report = Acknowledged();
        var (updated, audit) = HostResponseMoves.Record(report, Responded(report.Id, 1), Now)!.Value;

        Assert.Equal(new HostStatement(1, "removed", "the repository", null, "ToS §4", false, null, Now), updated.HostResponse);
        Assert.Contains("\"decisionGround\":null", audit.Data);
    }

    [Fact]
    public void A_repeated_or_older_revision_changes_nothing()
    {
        var report = Acknowledged();
        var (first, _) = HostResponseMoves.Record(report, Responded(report.Id, 2), Now)!.Value;

        Assert.Null(HostResponseMoves.Record(first, Responded(report.Id, 2), Now.AddMinutes(1)));
        Assert.Null(HostResponseMoves.Record(first, Responded(report.Id, 1), Now.AddMinutes(1)));
    }

    [Fact]
    public void A_later_revision_is_an_update_that_keeps_the_first_response_time()
    {
        var report = Acknowledged();
        var (first, _) = HostResponseMoves.Record(report, Responded(report.Id, 1), Now)!.Value;
        var (second, audit) = HostResponseMoves.Record(first, Responded(report.Id, 2, "disputed", Now.AddHours(3)), Now.AddHours(3))!.Value;

        Assert.Equal(Now, second.RespondedAt);
        Assert.Equal("disputed", second.HostResponse!.Action);
        Assert.Equal(2, second.HostResponse.Revision);
        Assert.Equal(HostResponseMoves.Updated, audit.Action);
    }
}
