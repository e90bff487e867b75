using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using SafetyReports.Contracts;
using SafetyReports.IntegrationTests.DataLifecycle;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Triage;

/// <summary>
/// Triage's part of the host loop on a running Standalone: the notice shared with the move to triaged, changed with
/// <c>PUT …/notice</c> and again by a redaction; a reporter's contest (as Intake sends it) in the queue, forwarded and closed;
/// the thread with the host. What Triage publishes is read off the bus as any other subscriber would.
/// </summary>
public sealed class HostLoopTriageTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private const string Email = "rita.hostloop@example.org";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private StandaloneSystem Sut => fixture.System;

    private SystemUnderTest Api => Sut.Api;

    private IBus Bus => Sut.Get<IBus>();

    private static string Host() => $"hub-{Guid.NewGuid():N}"[..16];

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, TestClient? client = null) =>
        Api.SendAsync(method, Api.Urls.Triage, "/api/v1/triage" + path, client ?? TestClients.Triager, body);

    private async Task<(Guid Id, long Version)> SubmitAsync(string host)
    {
        var (id, _) = await Api.SubmitAsync(SystemUnderTest.Report(host, "org/model", "The host loop", Email));
        var report = await Api.TriageReportAsync(id);
        return (id, report["version"]!.GetValue<long>());
    }

    private async Task<JsonNode> OkAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await SystemUnderTest.JsonAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
            return body;
        }
    }

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return await SystemUnderTest.JsonAsync(response);
        }
    }

    private async Task<List<JsonNode>> AuditAsync(Guid id) =>
        [.. (await OkAsync(await SendAsync(HttpMethod.Get, $"/reports/{id}/audit", null))).AsArray().Select(e => e!)];

    private static long VersionOf(JsonNode report) => report["version"]!.GetValue<long>();

    [Fact]
    public async Task The_notice_is_shared_with_the_move_to_triaged_changed_by_put_and_shared_again_after_a_redaction()
    {
        await using var notices = await PublishedMessages<ReportNoticeShared>.ListenAsync(Bus);
        var (id, version) = await SubmitAsync(Host());

        var wrongMove = await ProblemAsync(await SendAsync(HttpMethod.Post, $"/reports/{id}/transitions",
            new { to = "triaging", expectedVersion = version, notice = new { shareDescription = true } }), HttpStatusCode.BadRequest);
        Assert.NotNull(wrongMove["errors"]!["notice"]);
        var outOfRange = await ProblemAsync(await SendAsync(HttpMethod.Post, $"/reports/{id}/transitions",
            new { to = "triaged", expectedVersion = version, notice = new { shareEvidence = new[] { 2 } } }), HttpStatusCode.BadRequest);
        Assert.NotNull(outOfRange["errors"]!["notice.shareEvidence"]);
        var untriaged = await ProblemAsync(await SendAsync(HttpMethod.Put, $"/reports/{id}/notice", new { expectedVersion = version }), HttpStatusCode.Conflict);
        Assert.Contains("never triaged", untriaged["detail"]!.GetValue<string>());

        var triaged = await OkAsync(await SendAsync(HttpMethod.Post, $"/reports/{id}/transitions", new
        {
            to = "triaged",
            expectedVersion = version,
            notice = new { shareDescription = true, shareEvidence = new[] { 1 }, noteToHost = "Look at the output; the prompt stays with us." },
        }));
        Assert.Equal((true, "[1]", 1), (triaged["notice"]!["shareDescription"]!.GetValue<bool>(), triaged["notice"]!["sharedEvidence"]!.ToJsonString(),
            triaged["notice"]!["revision"]!.GetValue<int>()));

        var first = await notices.FirstAsync(n => n.ReportId == id, Patience);
        Assert.Equal((1, "The model gave step-by-step instructions.", "Look at the output; the prompt stays with us.", true),
            (first.Revision, first.Description, first.NoteToHost, first.GoodFaith));
        Assert.Equal([new EvidenceItem("output", "Step 1 …")], first.Evidence);
        Assert.Equal(DateOnly.FromDateTime(triaged["receivedAt"]!.GetValue<DateTimeOffset>().UtcDateTime), first.ReceivedOn);
        var json = JsonSerializer.Serialize(first);
        Assert.DoesNotContain(Email, json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Rita Reporter", json, StringComparison.Ordinal);

        var transition = (await AuditAsync(id)).Last(e => e["action"]!.GetValue<string>() == "transition");
        Assert.Contains("\"notice\":{\"revision\":1,\"shareDescription\":true,\"shareEvidence\":[1],\"noteToHost\":\"set\"}", transition["data"]!.GetValue<string>());
        Assert.DoesNotContain("prompt stays", transition["data"]!.GetValue<string>());

        // The same choice again changes nothing; another one is revision 2.
        var same = await OkAsync(await SendAsync(HttpMethod.Put, $"/reports/{id}/notice", new
        {
            shareEvidence = new[] { 1 }, noteToHost = "Look at the output; the prompt stays with us.", expectedVersion = VersionOf(triaged),
        }));
        Assert.Equal(VersionOf(triaged), VersionOf(same));
        var badIndex = await ProblemAsync(await SendAsync(HttpMethod.Put, $"/reports/{id}/notice", new { shareEvidence = new[] { 0, 0 }, expectedVersion = VersionOf(same) }),
            HttpStatusCode.BadRequest);
        Assert.NotNull(badIndex["errors"]!["shareEvidence"]);
        await ProblemAsync(await SendAsync(HttpMethod.Put, $"/reports/{id}/notice", new { expectedVersion = VersionOf(same) - 1 }), HttpStatusCode.Conflict);
        await ProblemAsync(await SendAsync(HttpMethod.Put, $"/reports/{Guid.NewGuid()}/notice", new { expectedVersion = 1 }), HttpStatusCode.NotFound);

        var changed = await OkAsync(await SendAsync(HttpMethod.Put, $"/reports/{id}/notice",
            new { shareDescription = false, shareEvidence = new[] { 0, 1 }, noteToHost = (string?)null, expectedVersion = VersionOf(same) }));
        Assert.Equal((VersionOf(same) + 1, 2), (VersionOf(changed), changed["notice"]!["revision"]!.GetValue<int>()));
        var second = await notices.FirstAsync(n => n.ReportId == id && n.Revision == 2, Patience);
        Assert.Equal(((string?)null, (string?)null, 2), (second.Description, second.NoteToHost, second.Evidence.Count));
        var entry = (await AuditAsync(id))[^1];
        Assert.Equal(("notice_changed", TestClients.Triager.ClientId), (entry["action"]!.GetValue<string>(), entry["actor"]!.GetValue<string>()));
        Assert.Equal("""{"revision":2,"shareDescription":false,"shareEvidence":[0,1],"noteToHost":"removed"}""", entry["data"]!.GetValue<string>());

        // An admin redacts text the host was shown: the notice goes out again without it.
        var redacted = await OkAsync(await SendAsync(HttpMethod.Post, $"/reports/{id}/redactions",
            new { text = "how do I", expectedVersion = VersionOf(changed) }, LifecycleFixture.Exporter));
        Assert.Equal(3, redacted["notice"]!["revision"]!.GetValue<int>());
        var third = await notices.FirstAsync(n => n.ReportId == id && n.Revision == 3, Patience);
        Assert.Equal("[redacted] …", third.Evidence[0].Content);
        Assert.Equal(3, notices.All.Count(n => n.ReportId == id));
    }

    [Fact]
    public async Task A_contest_is_queued_forwarded_and_closed_and_each_step_is_published_and_audited()
    {
        await using var forwards = await PublishedMessages<ContestForwarded>.ListenAsync(Bus);
        await using var closes = await PublishedMessages<ContestClosed>.ListenAsync(Bus);
        var host = Host();
        var (id, version) = await SubmitAsync(host);
        await OkAsync(await SendAsync(HttpMethod.Post, $"/reports/{id}/transitions", new { to = "triaged", expectedVersion = version }));

        var respondedAt = DateTimeOffset.UtcNow;
        await Bus.Publish(new HostResponded(id, host, 1, HostResponseActions.NoAction, null, null, "Within our terms.", false, null, respondedAt,
            DecisionGrounds.IncompatibleWithTerms, TermsReference: "Terms §4", TerritorialScope: ["worldwide"], AutomatedDetection: false,
            AutomatedDecision: false, Redress: "appeals@hub.example"), TestContext.Current.CancellationToken);
        var responded = await Api.TriageReportAsync(id, r => r["hostResponse"] is JsonObject);
        Assert.Equal(("incompatible_with_terms", "Terms §4", "appeals@hub.example"), (responded["hostResponse"]!["decisionGround"]!.GetValue<string>(),
            responded["hostResponse"]!["termsReference"]!.GetValue<string>(), responded["hostResponse"]!["redress"]!.GetValue<string>()));
        Assert.Contains("\"decisionGround\":\"incompatible_with_terms\"",
            (await AuditAsync(id)).Single(e => e["action"]!.GetValue<string>() == "host_responded")["data"]!.GetValue<string>());

        // Intake's message, delivered twice: one contest.
        using var consumed = ConsumedMessages<ReporterContested>.Observe(Bus);
        var contested = new ReporterContested(id, ContestIds.For(id, host, 1), host, 1, "The model still does it on the next revision.", DateTimeOffset.UtcNow);
        await Bus.Publish(contested, TestContext.Current.CancellationToken);
        await Bus.Publish(contested, TestContext.Current.CancellationToken);
        await consumed.UntilAsync(2, "both deliveries of the contest");
        var report = await Api.TriageReportAsync(id, r => r["contestOpen"]!.GetValue<bool>());
        Assert.Single((await AuditAsync(id)), e => e["action"]!.GetValue<string>() == "reporter_contested");
        var contest = Assert.Single(report["contests"]!.AsArray())!;
        Assert.Equal((contested.ContestId.ToString(), "open", contested.Reason),
            (contest["id"]!.GetValue<string>(), contest["state"]!.GetValue<string>(), contest["reason"]!.GetValue<string>()));

        var queue = await OkAsync(await SendAsync(HttpMethod.Get, $"/reports?contested=true&modelHost={host}", null));
        var item = Assert.Single(queue["items"]!.AsArray())!;
        Assert.True(item["contestOpen"]!.GetValue<bool>());
        Assert.Equal("open", item["contests"]![0]!["state"]!.GetValue<string>());
        Assert.DoesNotContain(contested.Reason, item.ToJsonString(), StringComparison.Ordinal);
        var counts = await OkAsync(await SendAsync(HttpMethod.Get, $"/reports/counts?contested=true&modelHost={host}", null));
        Assert.Equal(1, counts["total"]!.GetValue<long>());

        var path = $"/reports/{id}/contests/{contested.ContestId}";
        await ProblemAsync(await SendAsync(HttpMethod.Post, $"/reports/{id}/contests/{Guid.NewGuid()}/forward", new { expectedVersion = VersionOf(report) }), HttpStatusCode.NotFound);
        var badNote = await ProblemAsync(await SendAsync(HttpMethod.Post, path + "/forward", new { note = "a\u0000b", expectedVersion = VersionOf(report) }), HttpStatusCode.BadRequest);
        Assert.NotNull(badNote["errors"]!["note"]);
        await ProblemAsync(await SendAsync(HttpMethod.Post, path + "/forward", new { expectedVersion = VersionOf(report) - 1 }), HttpStatusCode.Conflict);

        var forwarded = await OkAsync(await SendAsync(HttpMethod.Post, path + "/forward", new { note = "We checked: it does.", expectedVersion = VersionOf(report) }));
        Assert.False(forwarded["contestOpen"]!.GetValue<bool>());
        var sent = await forwards.FirstAsync(f => f.ContestId == contested.ContestId, Patience);
        Assert.Equal((id, host, 1, contested.Reason, "We checked: it does."), (sent.ReportId, sent.HostId, sent.ResponseRevision, sent.Reason, sent.Note));
        await ProblemAsync(await SendAsync(HttpMethod.Post, path + "/forward", new { expectedVersion = VersionOf(forwarded) }), HttpStatusCode.Conflict);
        Assert.Empty((await OkAsync(await SendAsync(HttpMethod.Get, $"/reports?contested=true&modelHost={host}", null)))["items"]!.AsArray());

        var noNote = await ProblemAsync(await SendAsync(HttpMethod.Post, path + "/close", new { expectedVersion = VersionOf(forwarded) }), HttpStatusCode.BadRequest);
        Assert.NotNull(noNote["errors"]!["publicNote"]);
        var closed = await OkAsync(await SendAsync(HttpMethod.Post, path + "/close",
            new { publicNote = "The host was asked to look again.", expectedVersion = VersionOf(forwarded) }));
        Assert.Equal("closed", closed["contests"]![0]!["state"]!.GetValue<string>());
        var closing = await closes.FirstAsync(c => c.ContestId == contested.ContestId, Patience);
        Assert.Equal("The host was asked to look again.", closing.PublicNote);

        var actions = (await AuditAsync(id)).Select(e => e["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["reporter_contested", "contest_forwarded", "contest_closed"], actions.Where(a => a.StartsWith("reporter_contested") || a.StartsWith("contest_")));

        // The maintainers' figures (nothing withheld) count the response and its contest.
        var figures = await OkAsync(await SendAsync(HttpMethod.Get, "/accountability/hosts", null));
        var group = figures["groups"]!.AsArray().Single(g => g!["host"]!.GetValue<string>() == host)!;
        Assert.Equal((1, 1, 1.0), (group["responded"]!.GetValue<long>(), group["contested"]!.GetValue<long>(), group["contestedShare"]!.GetValue<double>()));
    }

    [Fact]
    public async Task Maintainers_and_the_host_write_on_the_thread_once_the_report_is_triaged()
    {
        await using var messages = await PublishedMessages<MaintainersMessagedHost>.ListenAsync(Bus);
        var host = Host();
        var (id, version) = await SubmitAsync(host);

        await ProblemAsync(await SendAsync(HttpMethod.Post, $"/reports/{id}/host-messages", new { text = "Too early" }), HttpStatusCode.Conflict);
        var empty = await ProblemAsync(await SendAsync(HttpMethod.Post, $"/reports/{id}/host-messages", new { text = " " }), HttpStatusCode.BadRequest);
        Assert.NotNull(empty["errors"]!["text"]);
        await ProblemAsync(await SendAsync(HttpMethod.Post, $"/reports/{Guid.NewGuid()}/host-messages", new { text = "Nobody" }), HttpStatusCode.NotFound);
        await OkAsync(await SendAsync(HttpMethod.Post, $"/reports/{id}/transitions", new { to = "triaged", expectedVersion = version }));

        var written = await OkAsync(await SendAsync(HttpMethod.Post, $"/reports/{id}/host-messages", new { text = "Which revision did you take down?\nThanks." }));
        var ours = Assert.Single(written["hostMessages"]!.AsArray())!;
        Assert.Equal(("maintainers", TestClients.Triager.ClientId), (ours["from"]!.GetValue<string>(), ours["author"]!.GetValue<string>()));
        var published = await messages.FirstAsync(m => m.ReportId == id, Patience);
        Assert.Equal((host, Guid.Parse(ours["id"]!.GetValue<string>()), "Which revision did you take down?\nThanks."), (published.HostId, published.MessageId, published.Text));

        // The host's message (from Notification), delivered twice: recorded once.
        using var consumed = ConsumedMessages<HostMessagedMaintainers>.Observe(Bus);
        var answer = new HostMessagedMaintainers(id, host, Guid.NewGuid(), $"host:{host}", "Revision 3; the others stay.", DateTimeOffset.UtcNow);
        await Bus.Publish(answer, TestContext.Current.CancellationToken);
        await Bus.Publish(answer, TestContext.Current.CancellationToken);
        await consumed.UntilAsync(2, "both deliveries of the host's message");
        var report = await Api.TriageReportAsync(id);
        Assert.Equal(["maintainers", "host"], report["hostMessages"]!.AsArray().Select(m => m!["from"]!.GetValue<string>()));
        var audit = await AuditAsync(id);
        Assert.Equal([("host_message_sent", TestClients.Triager.ClientId), ("host_message_received", $"host:{host}")],
            audit.Where(e => e["action"]!.GetValue<string>().StartsWith("host_message", StringComparison.Ordinal))
                .Select(e => (e["action"]!.GetValue<string>(), e["actor"]!.GetValue<string>())));
    }
}
