using System.Text.Json;
using SafetyReports.Contracts;
using SafetyReports.Notification.Api;
using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

/// <summary>What a host is shown of a report: exactly what was shared with it, never another host's things or a maintainer's name.</summary>
public class HostReportViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly ReportRoute Route = new(Guid.NewGuid(), "hub", "org/model", Now.AddDays(-1), null, null);

    private static readonly HostNotice Notice = new(
        Route.ReportId, "hub", 2, new ModelReference("hub", "org/model", "v1.2", "https://hub.example/org/model"), null,
        [new EvidenceItem("prompt", "how do I"), new EvidenceItem("output", "step one")], "Item 2 is the worst", true, new DateOnly(2026, 11, 20), Now);

    [Fact]
    public void The_notice_is_shown_field_by_field_as_the_design_names_them()
    {
        var view = HostReportView.From(Route, Notice, [], []);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(view, Web));
        var notice = json.RootElement.GetProperty("notice");
        Assert.Equal(
            ["description", "evidence", "noteToHost", "modelUrl", "revision", "goodFaith", "receivedOn", "noticeRevision", "sharedAt", "files"],
            notice.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, notice.GetProperty("description").ValueKind);
        Assert.Equal("2026-11-20", notice.GetProperty("receivedOn").GetString());
        Assert.Equal("v1.2", notice.GetProperty("revision").GetString());
        Assert.Equal("https://hub.example/org/model", notice.GetProperty("modelUrl").GetString());
        Assert.Equal(2, notice.GetProperty("noticeRevision").GetInt32());
        Assert.Equal(["prompt", "output"], notice.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(0, notice.GetProperty("files").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("contests").GetArrayLength());
    }

    [Fact]
    public void Before_a_notice_arrives_it_is_null_and_another_reports_notice_is_never_shown()
    {
        Assert.Null(HostReportView.From(Route, null, [], []).Notice);
        Assert.Null(HostReportView.From(Route, Notice with { ReportId = Guid.NewGuid() }, [], []).Notice);
    }

    [Fact]
    public void A_host_serving_a_copy_of_the_model_is_shown_the_reports_notice_and_how_it_was_reached()
    {
        var copy = Route with { HostId = "mirror", ModelId = "someone/copy", Via = RouteVia.Digest };

        var view = HostReportView.From(copy, Notice, [], []);

        Assert.NotNull(view.Notice);
        Assert.Equal(RouteVia.Digest, view.ReachedVia);
        Assert.Equal(RouteVia.Report, HostReportView.From(Route, Notice, [], []).ReachedVia);
    }

    [Fact]
    public void Contests_of_this_host_are_shown_oldest_first()
    {
        HostContest Contest(int revision, DateTimeOffset at, string host = "hub") =>
            new(ContestIds.For(Route.ReportId, host, revision), Route.ReportId, host, revision, $"reason {revision}", null, at, at.AddHours(1));
        var later = Contest(2, Now);
        var earlier = Contest(1, Now.AddDays(-1));

        var view = HostReportView.From(Route, null, [later, Contest(3, Now, host: "elsewhere"), earlier], []);

        Assert.Equal([earlier.Id, later.Id], view.Contests.Select(c => c.Id));
        Assert.Equal("reason 1", view.Contests[0].Reason);
    }

    [Fact]
    public void The_log_shows_this_hosts_leaves_by_step_and_null_for_steps_not_yet_recorded()
    {
        HostLogLeaf Leaf(string action, long index, string host = "hub", Guid? report = null) => new(report ?? Route.ReportId, host, action, index);

        var view = HostReportView.From(Route, null, [],
        [
            Leaf(AuditLeafRecorded.Actions.HostNotified, 41), Leaf(AuditLeafRecorded.Actions.HostAcknowledged, 57),
            Leaf(AuditLeafRecorded.Actions.HostResponded, 99, host: "elsewhere"), Leaf(AuditLeafRecorded.Actions.HostResponded, 98, report: Guid.NewGuid()),
            Leaf("host_response_updated", 120),
        ]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(view, Web));
        Assert.Equal("""{"hostNotified":41,"acknowledged":57,"responded":null}""", json.RootElement.GetProperty("log").GetRawText());
        Assert.Equal(new HostLogView(null, null, null), HostReportView.From(Route, null, [], []).Log);
    }

    [Fact]
    public void A_maintainers_name_is_never_shown_to_the_host()
    {
        var fromMaintainers = ThreadMessageView.Of(new ThreadMessage(Guid.NewGuid(), Route.ReportId, "hub", ThreadSides.Maintainers, "rita@maintainers.example", "Any news?", Now));
        var fromHost = ThreadMessageView.Of(ThreadMessage.ByHost(Route.ReportId, "hub", "Removed", Now).Message);

        Assert.Null(fromMaintainers.Author);
        Assert.Equal("maintainers", fromMaintainers.From);
        Assert.Equal("host:hub", fromHost.Author);
        Assert.DoesNotContain("rita", JsonSerializer.Serialize(fromMaintainers, Web), StringComparison.Ordinal);
    }

    [Fact]
    public void The_statement_of_reasons_shows_the_dsa_fields()
    {
        var route = Route with
        {
            Response = new HostResponse("removed", "s", null, "g", false, null, "illegal_content", "Art. 5", null, ["DE"], true, false, "Appeal"),
            ResponseRevision = 1, RespondedAt = Now,
        };

        var response = HostReportView.From(route, null, [], []).Response!;

        Assert.Equal(("illegal_content", "Art. 5", (string?)null), (response.DecisionGround, response.LegalGround, response.TermsReference));
        Assert.Equal(["DE"], response.TerritorialScope!);
        Assert.Equal((true, false, "Appeal"), (response.AutomatedDetection, response.AutomatedDecision, response.Redress));
    }
}
