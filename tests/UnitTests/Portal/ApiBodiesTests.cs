using System.Text.Json;
using SafetyReports.Portal.Clients;
using SafetyReports.Portal.Pages.Portal;

namespace SafetyReports.UnitTests.Portal;

/// <summary>The new request bodies as the APIs receive them, and how their answers are read.</summary>
public class ApiBodiesTests
{
    private static string Json(object body) => JsonSerializer.Serialize(body, body.GetType(), ApiCaller.Json);

    [Fact]
    public void Only_the_move_to_triaged_carries_a_notice()
    {
        Assert.DoesNotContain("notice", Json(new TransitionBody("rejected", null, null, null, null, "spam", 3)));
        Assert.Contains(
            "\"notice\":{\"shareDescription\":true,\"shareEvidence\":[0,2],\"noteToHost\":null}",
            Json(new TransitionBody("triaged", "high", null, null, null, null, 3, new NoticeChoice(true, [0, 2], null))));
    }

    [Fact]
    public void A_notice_change_and_contest_actions_name_their_fields_as_triage_does()
    {
        Assert.Equal("""{"shareDescription":false,"shareEvidence":[],"noteToHost":"n","expectedVersion":7}""", Json(new NoticeChangeBody(false, [], "n", 7)));
        Assert.Equal("""{"expectedVersion":4}""", Json(new ForwardContestBody(null, null, 4)));
        Assert.Equal("""{"reason":"r","note":"n","expectedVersion":4}""", Json(new ForwardContestBody("r", "n", 4)));
        Assert.Equal("""{"publicNote":"p","expectedVersion":4}""", Json(new CloseContestBody("p", 4)));
    }

    [Fact]
    public void A_host_user_is_created_with_a_host_id_and_a_maintainer_without_one()
    {
        Assert.Equal("""{"email":"a@b.example","password":"p","roles":["host"],"hostId":"hub-a"}""", Json(new CreateUserBody("a@b.example", "p", ["host"], "hub-a")));
        Assert.Equal("""{"email":"a@b.example","password":"p","roles":["triager"]}""", Json(new CreateUserBody("a@b.example", "p", ["triager"])));
        Assert.Equal("{}", Json(new AcknowledgeBody(null)));
    }

    [Fact]
    public void The_host_apis_notice_contests_and_messages_are_read_as_designed()
    {
        var report = JsonSerializer.Deserialize<HostReport>("""
            {"id":"0190a1b2-0000-7000-8000-000000000001","status":"host_notified","model":{"host":"hub-a","id":"org/m"},
             "notifiedAt":"2026-05-01T10:00:00Z","notice":{"description":null,"evidence":[{"kind":"prompt","content":"p"}],
             "noteToHost":"n","modelUrl":"https://hub.example/org/m","revision":"v2","goodFaith":true,"receivedOn":"2026-04-30",
             "noticeRevision":2,"sharedAt":"2026-05-01T09:00:00Z"},
             "contests":[{"id":"0190a1b2-0000-7000-8000-000000000002","responseRevision":1,"reason":"r","note":null,
               "contestedAt":"2026-05-02T00:00:00Z","forwardedAt":"2026-05-03T00:00:00Z"}]}
            """, ApiCaller.Json)!;
        Assert.Null(report.Notice!.Description);
        Assert.Equal(new DateOnly(2026, 4, 30), report.Notice.ReceivedOn);
        Assert.Equal(2, report.Notice.NoticeRevision);
        Assert.Equal("p", Assert.Single(report.Notice.Evidence).Content);
        Assert.Equal(1, Assert.Single(report.Contests).ResponseRevision);

        var thread = JsonSerializer.Deserialize<ThreadMessageList>("""
            {"items":[{"id":"0190a1b2-0000-7000-8000-000000000003","from":"maintainers","text":"t","sentAt":"2026-05-01T00:00:00Z"}]}
            """, ApiCaller.Json)!;
        Assert.Equal(ThreadMessage.FromMaintainers, Assert.Single(thread.Items).From);
        Assert.Null(thread.Items[0].Author);
    }

    [Fact]
    public void Contests_offer_forward_only_while_open_and_close_until_closed()
    {
        Assert.True(new ContestView { State = ContestView.Open }.CanForward);
        Assert.False(new ContestView { State = ContestView.Forwarded }.CanForward);
        Assert.True(new ContestView { State = ContestView.Forwarded }.CanClose);
        Assert.False(new ContestView { State = ContestView.Closed }.CanClose);
        Assert.False(new ContestView { State = "unknown" }.CanClose);
    }

    [Theory]
    [InlineData("territorialScope[1]", "territorialScope")]
    [InlineData("notice.shareEvidence", "shareEvidence")]
    [InlineData("notice.shareEvidence[0]", "shareEvidence")]
    [InlineData("grounds", "grounds")]
    [InlineData("model.host", "host")]
    public void An_api_field_error_goes_beside_the_forms_input(string field, string input) =>
        Assert.Equal(input, PortalPageModel.InputFor(field, ["territorialScope", "shareEvidence", "grounds"]));
}
