using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Intake;

/// <summary>A reporter follows a report, answers a request for more information, and resubmits by accident.</summary>
public class FollowUpTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private StandaloneSystem Sut => fixture.System;

    private async Task<HttpResponseMessage> AnswerAsync(Guid id, string? token, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Sut.Url}/api/v1/reports/{id}/messages") { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Add("X-Report-Token", token);
        }

        return await Sut.Api.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private Task<JsonNode> ReceiptAsync(Guid id, string token, string status) =>
        Eventually.UntilAsync(async () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"{Sut.Url}/api/v1/reports/{id}/status");
            request.Headers.Add("X-Report-Token", token);
            using var response = await Sut.Api.Http.SendAsync(request);
            var json = await SystemUnderTest.JsonAsync(response);
            return json["status"]?.GetValue<string>() == status ? json : null;
        }, TimeSpan.FromSeconds(30), $"the receipt to show {status}");

    [Fact]
    public async Task An_answer_to_a_request_for_information_reaches_Triage_and_reopens_triage()
    {
        var (id, token) = await Sut.Api.SubmitAsync(SystemUnderTest.Report("hub-f", "org/model", "Needs more"));

        using (var early = await AnswerAsync(id, token, new { message = "unprompted" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }

        var report = await Sut.Api.TriageReportAsync(id);
        using (var asked = await Sut.Api.SendAsync(HttpMethod.Post, Sut.Url, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager,
                   new { to = "needs_info", publicNote = "Which prompt did you use?", expectedVersion = report["version"]!.GetValue<long>() }))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        var receipt = await ReceiptAsync(id, token, "needs_info");
        Assert.Equal("Which prompt did you use?", receipt["publicNotes"]![0]!["text"]!.GetValue<string>());

        using (var wrongToken = await AnswerAsync(id, "not-the-token", new { message = "x" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
        }

        using (var empty = await AnswerAsync(id, token, new { message = " " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        }

        using (var answered = await AnswerAsync(id, token, new { message = "The prompt was: step by step…" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
        }

        var reopened = await Sut.Api.TriageReportAsync(id, r => r["status"]!.GetValue<string>() == "triaging");
        Assert.Equal("The prompt was: step by step…", reopened["reporterMessages"]![0]!["text"]!.GetValue<string>());
        using var audit = await Sut.Api.SendAsync(HttpMethod.Get, Sut.Url, $"/api/v1/triage/reports/{id}/audit", TestClients.Triager);
        Assert.Contains((await SystemUnderTest.JsonAsync(audit)).AsArray(), e => e!["action"]!.GetValue<string>() == "reporter_message");
        await ReceiptAsync(id, token, "triaging");
    }

    [Fact]
    public async Task A_near_identical_resubmission_is_folded_into_the_first_report()
    {
        var title = $"Folded {Guid.NewGuid():N}";
        var first = await Sut.Api.SubmitAsync(SystemUnderTest.Report("hub-f", "org/model", title));
        var stored = StoreInspector.Count(Sut.DataDirectory, "intake.db");

        using var again = await Sut.Api.Http.PostAsJsonAsync(Sut.Url + "/api/v1/reports",
            SystemUnderTest.Report("HUB-F", "org/model", "  " + title.ToUpperInvariant() + " "), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var folded = await SystemUnderTest.JsonAsync(again);
        Assert.Equal(first.Id.ToString(), folded["id"]!.GetValue<string>());
        Assert.True(folded["folded"]!.GetValue<bool>());
        // The first receipt's token is not handed out again: someone else behind the address could be asking.
        Assert.Null(folded["statusToken"]);
        Assert.Equal(stored, StoreInspector.Count(Sut.DataDirectory, "intake.db"));

        var different = await Sut.Api.SubmitAsync(SystemUnderTest.Report("hub-f", "org/model", title + " (another incident)"));
        Assert.NotEqual(first.Id, different.Id);
    }
}
