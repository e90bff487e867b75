using System.Net;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Transparency;

/// <summary>The maintainers' figures: the Triage API's scope, nothing withheld, every host with a triaged report.</summary>
public class AccountabilityApiTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private SystemUnderTest Api => fixture.System.Api;

    [Fact]
    public async Task A_host_with_one_triaged_report_is_listed_for_maintainers_but_not_publicly()
    {
        var host = $"hub-{Guid.NewGuid():N}"[..20];
        var (id, _) = await Api.SubmitAsync(SystemUnderTest.Report(host, "org/one", "Accountability, one report"));
        var report = await Api.TriageReportAsync(id);
        using (var moved = await Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager,
                   new { to = "triaged", severity = "high", expectedVersion = report["version"]!.GetValue<long>() }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        // An untriaged report's host name came only from a reporter: not listed even here.
        var untriagedHost = $"hub-{Guid.NewGuid():N}"[..20];
        var (untriaged, _) = await Api.SubmitAsync(SystemUnderTest.Report(untriagedHost, "org/two", "Accountability, untriaged"));
        await Api.TriageReportAsync(untriaged);

        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/triage/accountability/hosts", TestClients.Triager);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var figures = await SystemUnderTest.JsonAsync(response);
        Assert.Equal(1, figures["suppressionThreshold"]!.GetValue<int>());
        var groups = figures["groups"]!.AsArray();
        var group = groups.Single(g => g!["host"]!.GetValue<string>() == host)!;
        Assert.Equal(1, group["reports"]!.GetValue<long>());
        Assert.Equal(1, group["byStatus"]!["triaged"]!.GetValue<long>());
        Assert.Equal(1, group["timeToTriage"]!["count"]!.GetValue<long>());
        Assert.DoesNotContain(groups, g => g!["host"]!.GetValue<string>() == untriagedHost);

        var models = await SystemUnderTest.JsonAsync(
            await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, $"/api/v1/triage/accountability/models?host={host}", TestClients.Triager));
        Assert.Equal("org/one", Assert.Single(models["groups"]!.AsArray())!["model"]!.GetValue<string>());

        var published = await SystemUnderTest.JsonAsync(await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/transparency/hosts"));
        Assert.DoesNotContain(published["groups"]!.AsArray(), g => g!["host"]!.GetValue<string>() == host);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_a_host_client_403()
    {
        using var anonymous = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/triage/accountability/hosts");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var host = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/triage/accountability/hosts", TestClients.HostA);
        Assert.Equal(HttpStatusCode.Forbidden, host.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/triage/accountability/hosts?from=2026-13", "from")]
    [InlineData("/api/v1/triage/accountability/hosts?from=2000-01&to=2026-01", "to")]
    [InlineData("/api/v1/triage/accountability/models", "host")]
    public async Task Bad_parameters_are_a_400_naming_the_field(string path, string field)
    {
        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, path, TestClients.Triager);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await SystemUnderTest.JsonAsync(response))["errors"]![field]);
    }
}
