using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.Contracts;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Intake;

/// <summary>
/// The reporter hears back: the host's statement of reasons reaches their status (through Notification's host API and the
/// bus), they contest it once per revision with their status token, and the maintainers' forward and close show there.
/// </summary>
public class ReporterContestTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private SystemUnderTest Api => fixture.System.Api;

    [Fact]
    public async Task The_hosts_statement_reaches_the_reporters_status_without_the_hosts_note()
    {
        var (id, token) = await ReporterLoop.TriagedReportAsync(Api, "Statement for the reporter");
        var before = await ReporterLoop.ReceiptAsync(Api, id, token, s => s["status"]!.GetValue<string>() != "received", "the receipt to leave 'received'");
        Assert.Null(before["hostResponse"]);
        Assert.Null(before["contest"]);
        Assert.False(before["canContest"]!.GetValue<bool>());

        await ReporterLoop.RespondAsync(Api, id, ReporterLoop.FullStatement());

        var status = await ReporterLoop.ReceiptAsync(Api, id, token, s => s["hostResponse"] is JsonObject, "the host's response on the receipt");
        var response = status["hostResponse"]!;
        Assert.Equal("hub-a", response["hostId"]!.GetValue<string>());
        Assert.Equal(1, response["revision"]!.GetValue<int>());
        Assert.Equal("restricted", response["action"]!.GetValue<string>());
        Assert.Equal("Downloads of the model from the EU", response["scope"]!.GetValue<string>());
        Assert.NotNull(response["until"]);
        Assert.Equal("The repository breaches our content policy §3.", response["grounds"]!.GetValue<string>());
        Assert.Equal("incompatible_with_terms", response["decisionGround"]!.GetValue<string>());
        Assert.Null(response["legalGround"]);
        Assert.Equal("Acceptable use policy §3.1", response["termsReference"]!.GetValue<string>());
        Assert.Equal(["DE", "FR"], response["territorialScope"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.True(response["automatedDetection"]!.GetValue<bool>());
        Assert.False(response["automatedDecision"]!.GetValue<bool>());
        Assert.False(response["automated"]!.GetValue<bool>());
        Assert.Equal("Write to appeals@hub-a.example within 6 months.", response["redress"]!.GetValue<string>());
        Assert.NotNull(response["respondedAt"]);
        Assert.DoesNotContain(ReporterLoop.HostNote, status.ToJsonString());
        Assert.Null(response["note"]);
        Assert.True(status["canContest"]!.GetValue<bool>());
        Assert.Null(status["contest"]);
    }

    [Fact]
    public async Task A_reporter_contests_each_response_once_and_only_with_their_token()
    {
        var (id, token) = await ReporterLoop.TriagedReportAsync(Api, "Contested statement");
        using (var early = await ReporterLoop.ContestAsync(Api, id, token, new { reason = "Nothing to contest yet." }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }

        await ReporterLoop.RespondAsync(Api, id, ReporterLoop.FullStatement());
        await ReporterLoop.ReceiptAsync(Api, id, token, s => s["canContest"]!.GetValue<bool>(), "the response to be contestable");

        using (var wrongToken = await ReporterLoop.ContestAsync(Api, id, token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), new { reason = "x" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
        }

        using (var noToken = await ReporterLoop.ContestAsync(Api, id, null, new { reason = "x" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, noToken.StatusCode);
        }

        using (var unknown = await ReporterLoop.ContestAsync(Api, Guid.NewGuid(), token, new { reason = "x" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        foreach (var bad in new object[] { new { reason = " " }, new { }, new { reason = new string('x', 5_001) }, new { reason = "evil \u202E text" } })
        {
            using var refused = await ReporterLoop.ContestAsync(Api, id, token, bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull((await SystemUnderTest.JsonAsync(refused))["errors"]!["reason"]);
        }

        Assert.True((await ReporterLoop.ReceiptAsync(Api, id, token, _ => true, "the status"))["canContest"]!.GetValue<bool>(), "refused contests change nothing");

        var reason = "The host restricted downloads but the hosted demo still answers.\nSee the second prompt.";
        using (var contested = await ReporterLoop.ContestAsync(Api, id, token, new { reason }))
        {
            Assert.Equal(HttpStatusCode.Accepted, contested.StatusCode);
            Assert.Equal($"/api/v1/reports/{id}/status", contested.Headers.Location!.OriginalString);
            var body = await SystemUnderTest.JsonAsync(contested);
            Assert.Equal(ContestIds.For(id, "hub-a", 1).ToString(), body["id"]!.GetValue<string>());
            Assert.Equal("pending", body["state"]!.GetValue<string>());
            Assert.Equal(1, body["responseRevision"]!.GetValue<int>());
        }

        using (var again = await ReporterLoop.ContestAsync(Api, id, token, new { reason }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        var status = await ReporterLoop.ReceiptAsync(Api, id, token, _ => true, "the status");
        Assert.False(status["canContest"]!.GetValue<bool>());
        Assert.Equal("pending", status["contest"]!["state"]!.GetValue<string>());
        Assert.Null(status["contest"]!["forwardedAt"]);
        Assert.DoesNotContain("second prompt", status.ToJsonString());

        // The host revises its decision: the new revision can be contested again.
        await ReporterLoop.RespondAsync(Api, id, ReporterLoop.FullStatement("We looked again: the demo is restricted too."));
        status = await ReporterLoop.ReceiptAsync(Api, id, token, s => s["hostResponse"]!["revision"]!.GetValue<int>() == 2, "revision 2 on the receipt");
        Assert.True(status["canContest"]!.GetValue<bool>());
        Assert.Equal(1, status["contest"]!["responseRevision"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_maintainers_forward_and_close_show_on_the_reporters_status()
    {
        var (id, token) = await ReporterLoop.TriagedReportAsync(Api, "Forwarded contest");
        await ReporterLoop.RespondAsync(Api, id, ReporterLoop.FullStatement());
        await ReporterLoop.ReceiptAsync(Api, id, token, s => s["canContest"]!.GetValue<bool>(), "the response to be contestable");
        using (var contested = await ReporterLoop.ContestAsync(Api, id, token, new { reason = "The demo still answers." }))
        {
            Assert.Equal(HttpStatusCode.Accepted, contested.StatusCode);
        }

        var contestId = ContestIds.For(id, "hub-a", 1);
        var report = await Api.TriageReportAsync(id, r => r["contests"] is JsonArray { Count: 1 });
        using (var forwarded = await Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{id}/contests/{contestId}/forward", TestClients.Triager,
                   new { expectedVersion = report["version"]!.GetValue<long>() }))
        {
            Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        }

        var status = await ReporterLoop.ReceiptAsync(Api, id, token, s => s["contest"]!["state"]!.GetValue<string>() == "forwarded", "the contest to show forwarded");
        Assert.NotNull(status["contest"]!["forwardedAt"]);

        report = await Api.TriageReportAsync(id);
        var note = "The host confirmed the demo is restricted too; we close your contest.";
        using (var closed = await Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{id}/contests/{contestId}/close", TestClients.Triager,
                   new { publicNote = note, expectedVersion = report["version"]!.GetValue<long>() }))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        status = await ReporterLoop.ReceiptAsync(Api, id, token, s => s["contest"]!["state"]!.GetValue<string>() == "closed", "the contest to show closed");
        Assert.Equal(note, status["contest"]!["publicNote"]!.GetValue<string>());
        Assert.NotNull(status["contest"]!["closedAt"]);
        Assert.False(status["canContest"]!.GetValue<bool>());
    }
}
