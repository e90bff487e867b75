using System.Net;
using System.Net.Http.Json;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.DataLifecycle;

public class ReportExportTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private StandaloneSystem Sut => fixture.System;

    [Fact]
    public async Task An_admin_exports_one_reports_full_record_as_an_attachment_and_a_triager_cannot()
    {
        var email = $"export-{Guid.NewGuid():N}@example.org";
        var (id, token) = await Sut.Api.SubmitAsync(SystemUnderTest.Report("hub-e", "org/model", "Export me", email));
        var report = await Sut.Api.TriageReportAsync(id);
        using (var asked = await Sut.Api.SendAsync(HttpMethod.Post, Sut.Url, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager,
                   new { to = "needs_info", note = "internal thought", publicNote = "Which prompt?", expectedVersion = report["version"]!.GetValue<long>() }))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        // Intake learns of needs_info from the bus; the reporter can answer once their receipt says so.
        await Eventually.UntilAsync(async () =>
        {
            using var status = new HttpRequestMessage(HttpMethod.Get, $"{Sut.Url}/api/v1/reports/{id}/status");
            status.Headers.Add("X-Report-Token", token);
            using var response = await Sut.Api.Http.SendAsync(status, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return body.Contains("\"needs_info\"", StringComparison.Ordinal) ? body : null;
        }, TimeSpan.FromSeconds(30), "the receipt to show needs_info");

        var answer = new HttpRequestMessage(HttpMethod.Post, $"{Sut.Url}/api/v1/reports/{id}/messages") { Content = JsonContent.Create(new { message = "This prompt." }) };
        answer.Headers.Add("X-Report-Token", token);
        using (var answered = await Sut.Api.Http.SendAsync(answer, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
        }

        await Sut.Api.TriageReportAsync(id, r => r["reporterMessages"]!.AsArray().Count == 1);

        using (var triager = await Sut.Api.SendAsync(HttpMethod.Get, Sut.Url, $"/api/v1/triage/reports/{id}/export", TestClients.Triager))
        {
            Assert.Equal(HttpStatusCode.Forbidden, triager.StatusCode);
        }

        using (var unknown = await Sut.Api.SendAsync(HttpMethod.Get, Sut.Url, $"/api/v1/triage/reports/{Guid.NewGuid()}/export", LifecycleFixture.Exporter))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using var export = await Sut.Api.SendAsync(HttpMethod.Get, Sut.Url, $"/api/v1/triage/reports/{id}/export", LifecycleFixture.Exporter);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"report-{id:D}.json", export.Content.Headers.ContentDisposition?.FileName);
        var json = await SystemUnderTest.JsonAsync(export);
        var record = json["report"]!;
        Assert.Equal(id, record["id"]!.GetValue<Guid>());
        Assert.Equal(email, record["reporter"]!["email"]!.GetValue<string>());
        Assert.Equal("internal thought", record["notes"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Which prompt?", record["publicNotes"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("This prompt.", record["reporterMessages"]![0]!["text"]!.GetValue<string>());
        Assert.True(record.AsObject().ContainsKey("hostResponse"));
        Assert.Equal(["received", "transition", "reporter_message"], json["audit"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).Take(3));
        Assert.All(json["audit"]!.AsArray(), e => Assert.Equal(id, e!["reportId"]!.GetValue<Guid>()));

        // The export is itself in the chain — who took it and when, nothing of what it held — and the refused one is not.
        var exported = Assert.Single(json["audit"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "exported")!;
        Assert.Equal("{}", exported["data"]!.GetValue<string>());
        Assert.Equal(json["audit"]!.AsArray()[^1]!["sequence"]!.GetValue<long>(), exported["sequence"]!.GetValue<long>());
        Assert.Contains(LifecycleFixture.Exporter.ClientId, exported["actor"]!.GetValue<string>(), StringComparison.Ordinal);
        using var audit = await Sut.Api.SendAsync(HttpMethod.Get, Sut.Url, $"/api/v1/triage/reports/{id}/audit", LifecycleFixture.Exporter);
        Assert.Single((await SystemUnderTest.JsonAsync(audit)).AsArray(), e => e!["action"]!.GetValue<string>() == "exported");
        using var verify = await Sut.Api.SendAsync(HttpMethod.Get, Sut.Url, "/api/v1/triage/audit/verify", LifecycleFixture.Exporter);
        Assert.True((await SystemUnderTest.JsonAsync(verify))["valid"]!.GetValue<bool>());
    }
}
