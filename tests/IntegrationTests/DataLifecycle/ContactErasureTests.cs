using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.DataLifecycle;

public class ContactErasureTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private StandaloneSystem Sut => fixture.System;

    private async Task<HttpResponseMessage> EraseAsync(Guid id, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Sut.Url}/api/v1/reports/{id}/erase-contact");
        if (token is not null)
        {
            request.Headers.Add("X-Report-Token", token);
        }

        return await Sut.Api.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<JsonArray> AuditAsync(Guid id)
    {
        using var audit = await Sut.Api.SendAsync(HttpMethod.Get, Sut.Url, $"/api/v1/triage/reports/{id}/audit", TestClients.Triager);
        return (await SystemUnderTest.JsonAsync(audit)).AsArray();
    }

    [Fact]
    public async Task A_reporter_erases_their_contact_with_the_status_token_and_the_audit_records_it_without_the_data()
    {
        var email = $"erase-{Guid.NewGuid():N}@example.org";
        var (id, token) = await Sut.Api.SubmitAsync(SystemUnderTest.Report("hub-e", "org/model", "Erase my contact", email));
        var before = await Sut.Api.TriageReportAsync(id);
        Assert.Equal(email, before["reporter"]!["email"]!.GetValue<string>());

        foreach (var (wrongId, wrongToken) in new[] { (id, (string?)null), (id, "not-the-token"), (Guid.NewGuid(), token) })
        {
            using var refused = await EraseAsync(wrongId, wrongToken);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        Assert.NotNull((await Sut.Api.TriageReportAsync(id))["reporter"]);

        using (var erased = await EraseAsync(id, token))
        {
            Assert.Equal(HttpStatusCode.Accepted, erased.StatusCode);
        }

        var after = await Sut.Api.TriageReportAsync(id, r => r["reporter"] is null);
        Assert.False(after["contactAllowed"]!.GetValue<bool>());
        var entry = Assert.Single(await AuditAsync(id), e => e!["action"]!.GetValue<string>() == "contact_erased")!;
        Assert.Equal("reporter", entry["actor"]!.GetValue<string>());
        Assert.DoesNotContain(email, entry.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Rita", entry.ToJsonString(), StringComparison.Ordinal);

        using var verify = await Sut.Api.SendAsync(HttpMethod.Get, Sut.Url, "/api/v1/triage/audit/verify", TestClients.Triager);
        Assert.True((await SystemUnderTest.JsonAsync(verify))["valid"]!.GetValue<bool>());
    }
}
