using System.Net;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.DataLifecycle;

public class ContactRetentionTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private StandaloneSystem Sut => fixture.System;

    [Fact]
    public async Task The_contact_of_a_report_closed_longer_than_the_retention_is_purged_with_an_audit_entry_and_open_reports_keep_theirs()
    {
        var email = $"retained-{Guid.NewGuid():N}@example.org";
        var (closedId, _) = await Sut.Api.SubmitAsync(SystemUnderTest.Report("hub-r", "org/model", "Closed soon", email));
        var (openId, _) = await Sut.Api.SubmitAsync(SystemUnderTest.Report("hub-r", "org/model", "Stays open", email));
        await Sut.Api.TriageReportAsync(openId);
        var report = await Sut.Api.TriageReportAsync(closedId);
        using (var rejected = await Sut.Api.SendAsync(HttpMethod.Post, Sut.Url, $"/api/v1/triage/reports/{closedId}/transitions", TestClients.Triager,
                   new { to = "rejected", note = "not a safety issue", expectedVersion = report["version"]!.GetValue<long>() }))
        {
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        }

        // Just closed: inside the retention, the contact is still there.
        Assert.Equal(email, (await Sut.Api.TriageReportAsync(closedId))["reporter"]!["email"]!.GetValue<string>());

        var purged = await Sut.Api.TriageReportAsync(closedId, r => r["reporter"] is null, TimeSpan.FromSeconds(60));
        Assert.Equal("rejected", purged["status"]!.GetValue<string>());
        Assert.False(purged["contactAllowed"]!.GetValue<bool>());
        Assert.Equal(email, (await Sut.Api.TriageReportAsync(openId))["reporter"]!["email"]!.GetValue<string>());

        using var audit = await Sut.Api.SendAsync(HttpMethod.Get, Sut.Url, $"/api/v1/triage/reports/{closedId}/audit", TestClients.Triager);
        var entries = (await SystemUnderTest.JsonAsync(audit)).AsArray();
        var entry = Assert.Single(entries, e => e!["action"]!.GetValue<string>() == "contact_purged")!;
        Assert.Equal("retention", entry["actor"]!.GetValue<string>());
        Assert.DoesNotContain(email, entries.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        using var verify = await Sut.Api.SendAsync(HttpMethod.Get, Sut.Url, "/api/v1/triage/audit/verify", TestClients.Triager);
        Assert.True((await SystemUnderTest.JsonAsync(verify))["valid"]!.GetValue<bool>());
    }
}
