using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Transparency;

/// <summary>The transparency API of a running Standalone system: anonymous JSON and CSV, and clear errors for bad input.</summary>
public class TransparencyApiTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private SystemUnderTest Api => fixture.System.Api;

    [Fact]
    public async Task A_host_with_five_triaged_reports_is_listed_anonymously_as_json_and_csv()
    {
        var host = $"hub-{Guid.NewGuid():N}"[..20];
        for (var i = 0; i < 5; i++)
        {
            var (id, _) = await Api.SubmitAsync(SystemUnderTest.Report(host, "org/listed", $"Transparency {i}"));
            var report = await Api.TriageReportAsync(id);
            using var moved = await Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager,
                new { to = "triaged", severity = "high", expectedVersion = report["version"]!.GetValue<long>() });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        using var json = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/transparency/hosts");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var figures = await SystemUnderTest.JsonAsync(json);
        var group = figures["groups"]!.AsArray().Single(g => g!["host"]!.GetValue<string>() == host)!;
        Assert.Equal(5, group["reports"]!.GetValue<long>());
        Assert.Equal(5, group["byStatus"]!["triaged"]!.GetValue<long>());
        Assert.Equal(5, group["timeToTriage"]!["count"]!.GetValue<long>());
        Assert.Null(group["timeToNotify"]!["medianSeconds"]);
        Assert.Equal(5, figures["suppressionThreshold"]!.GetValue<int>());
        Assert.Matches("^[0-9a-f]{64}$", figures["audit"]!["hash"]!.GetValue<string>());

        var models = await SystemUnderTest.JsonAsync(await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, $"/api/v1/transparency/models?host={host}"));
        Assert.Equal("org/listed", Assert.Single(models["groups"]!.AsArray())!["model"]!.GetValue<string>());

        using var request = new HttpRequestMessage(HttpMethod.Get, SystemUnderTest.Url(Api.Urls.Triage, "/api/v1/transparency/hosts"));
        request.Headers.Accept.ParseAdd("text/csv");
        using var http = new HttpClient();
        using var csv = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var row = lines.Single(l => l.Contains($",{host},", StringComparison.Ordinal)).Split(',');
        Assert.Equal("5", row[Array.IndexOf(header, "reports")]);
        Assert.Equal("", row[Array.IndexOf(header, "time_to_notify_median_seconds")]);
    }

    [Theory]
    [InlineData("/api/v1/transparency/hosts?from=2026-13", "from")]
    [InlineData("/api/v1/transparency/hosts?from=2026-05&to=2026-01", "from")]
    [InlineData("/api/v1/transparency/hosts?from=2000-01&to=2026-01", "to")]
    [InlineData("/api/v1/transparency/hosts?format=xml", "format")]
    [InlineData("/api/v1/transparency/models", "host")]
    public async Task Bad_parameters_are_a_400_naming_the_field(string path, string field)
    {
        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await SystemUnderTest.JsonAsync(response))["errors"]![field]);
    }

    [Fact]
    public async Task Figures_of_a_period_without_reports_are_an_empty_list()
    {
        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/transparency/hosts?from=2001-01&to=2001-12");
        var figures = await SystemUnderTest.JsonAsync(response);
        Assert.Equal(("2001-01", "2001-12"), (figures["from"]!.GetValue<string>(), figures["to"]!.GetValue<string>()));
        Assert.Empty(figures["groups"]!.AsArray());
        Assert.IsType<JsonArray>(figures["groups"]);
    }
}
