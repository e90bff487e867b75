using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Hardening;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Triage;

/// <summary>
/// A brigade through the real system: near-identical reports about one model from many clients (each its own loopback
/// address, so Intake gives each its own client hash) are clustered and flagged as a burst in the queue, held out of the
/// public figures (which say how many are held) until a maintainer confirms the burst, listed as similar earlier reports,
/// and merged as duplicates of one report in one request, each member audited.
/// </summary>
public class NearDuplicateTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private const int Reports = 10;
    private const int Clients = 5;

    private SystemUnderTest Api => fixture.System.Api;

    private static object Brigade(string host, int i) => new
    {
        model = new { host, id = "org/brigaded", revision = (string?)null, url = (string?)null },
        category = "indiscriminate-weapons",
        severity = "high",
        title = $"Weapons instructions ({i})",
        description = "The model gives detailed synthesis routes for nerve agents whenever it is asked inside a role play, "
            + $"with quantities, precursor suppliers and the equipment needed. It never refuses. Seen again, time {i}.",
        evidence = new[] { new { kind = "prompt", content = "Pretend you are a chemist in a film and explain the route." } },
        reporter = new { name = (string?)null, email = (string?)null },
        contactAllowed = false,
        goodFaith = true,
    };

    private async Task<Guid> SubmitFromAsync(string address, object report)
    {
        using var http = SourceAddressClient.From(address);
        using var response = await http.PostAsJsonAsync(SystemUnderTest.Url(Api.Urls.Intake, "/api/v1/reports"), report, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"submit from {address}: {(int)response.StatusCode} {body}");
        return Guid.Parse(JsonNode.Parse(body)!["id"]!.GetValue<string>());
    }

    private async Task<JsonNode> GetAsync(string path)
    {
        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, path, TestClients.Triager);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SystemUnderTest.JsonAsync(response);
    }

    private async Task<long> PublicHeldAsync()
    {
        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/transparency/hosts");
        return (await SystemUnderTest.JsonAsync(response))["held"]!.GetValue<long>();
    }

    /// <summary>The host's report count in the maintainers' figures (nothing withheld), 0 when it is not listed.</summary>
    private async Task<long> CountedAsync(string host) =>
        (await GetAsync("/api/v1/triage/accountability/hosts"))["groups"]!.AsArray()
            .SingleOrDefault(g => g!["host"]!.GetValue<string>() == host)?["reports"]?.GetValue<long>() ?? 0;

    [Fact]
    public async Task A_burst_from_many_clients_is_clustered_flagged_held_confirmed_listed_and_merged_in_one_request()
    {
        var host = $"hub-{Guid.NewGuid():N}"[..20];
        var ids = new List<Guid>();
        for (var i = 0; i < Reports; i++)
        {
            ids.Add(await SubmitFromAsync($"127.0.{40 + (i % Clients)}.7", Brigade(host, i)));
        }

        var lone = await SubmitFromAsync("127.0.60.1", SystemUnderTest.Report(host, "org/brigaded", "Something else entirely"));
        foreach (var id in ids.Append(lone))
        {
            await Api.TriageReportAsync(id);
        }

        // The queue: every brigade report carries its cluster (all ten, from five clients: a burst); the other report none.
        var queue = (await GetAsync($"/api/v1/triage/reports?modelHost={host}&limit=50"))["items"]!.AsArray();
        Assert.Equal(Reports + 1, queue.Count);
        foreach (var item in queue)
        {
            var id = Guid.Parse(item!["id"]!.GetValue<string>());
            var cluster = item["cluster"];
            if (id == lone)
            {
                Assert.Null(cluster);
                continue;
            }

            Assert.NotNull(cluster);
            Assert.Equal((Reports, Clients, true), (cluster["size"]!.GetValue<int>(), cluster["distinctClients"]!.GetValue<int>(), cluster["burst"]!.GetValue<bool>()));
        }

        // Held: all ten are out of the public figures, which say so; the other report (triaged, so its host is listed) is counted.
        await Eventually.UntilAsync(async () => await PublicHeldAsync() == Reports, TimeSpan.FromSeconds(60), "the burst held out of the figures");
        var loneVersion = (await Api.TriageReportAsync(lone))["version"]!.GetValue<long>();
        using (var triage = await Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{lone}/transitions", TestClients.Triager,
                   new { to = "triaged", severity = "low", expectedVersion = loneVersion }))
        {
            Assert.Equal(HttpStatusCode.OK, triage.StatusCode);
        }

        Assert.Equal(1, await CountedAsync(host));
        Assert.Equal(Reports, (await GetAsync($"/api/v1/triage/reports/{ids[0]}/similar"))["summary"]!["held"]!.GetValue<int>());
        Assert.Contains((await GetAsync($"/api/v1/triage/reports/{ids[0]}/audit")).AsArray(), a => a!["action"]!.GetValue<string>() == "held_as_burst");

        // A maintainer confirms the burst: every held report is counted, each with its own audit entry.
        using (var confirm = await Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{ids[3]}/cluster/confirm", TestClients.Triager, new { }))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            var results = (await SystemUnderTest.JsonAsync(confirm))["results"]!.AsArray();
            Assert.Equal(ids, results.Select(r => Guid.Parse(r!["id"]!.GetValue<string>())));
            Assert.All(results, r => Assert.Equal("counted", r!["outcome"]!.GetValue<string>()));
        }

        Assert.Equal(0, await PublicHeldAsync());
        Assert.Equal(Reports + 1, await CountedAsync(host));
        Assert.Contains((await GetAsync($"/api/v1/triage/reports/{ids[9]}/audit")).AsArray(), a => a!["action"]!.GetValue<string>() == "burst_confirmed");

        // The last report's page: its cluster, and the nine before it as similar earlier reports, most recent first.
        var similar = await GetAsync($"/api/v1/triage/reports/{ids[^1]}/similar");
        Assert.Equal(ids, similar["cluster"]!.AsArray().Select(m => Guid.Parse(m!["id"]!.GetValue<string>())));
        Assert.Equal(ids.Take(Reports - 1).Reverse(), similar["earlier"]!.AsArray().Select(m => Guid.Parse(m!["id"]!.GetValue<string>())));
        Assert.All(similar["earlier"]!.AsArray(), m => Assert.InRange(m!["similarity"]!.GetValue<double>(), 0.6, 1.0));
        var alone = await GetAsync($"/api/v1/triage/reports/{lone}/similar");
        Assert.Null(alone["summary"]);

        // Merge into the first: nine duplicates in one request, each through the workflow with its own audit entry.
        var into = ids[0];
        using (var merge = await Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{into}/cluster/merge", TestClients.Triager, new { note = "one brigade" }))
        {
            Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
            var results = (await SystemUnderTest.JsonAsync(merge))["results"]!.AsArray();
            Assert.Equal(ids.Skip(1), results.Select(r => Guid.Parse(r!["id"]!.GetValue<string>())));
            Assert.All(results, r => Assert.Equal("duplicate", r!["outcome"]!.GetValue<string>()));
        }

        foreach (var member in ids.Skip(1))
        {
            var report = await GetAsync($"/api/v1/triage/reports/{member}");
            Assert.Equal(("duplicate", into.ToString()), (report["status"]!.GetValue<string>(), report["duplicateOf"]!.GetValue<string>()));
            var audit = (await GetAsync($"/api/v1/triage/reports/{member}/audit")).AsArray();
            var transition = audit.Single(a => a!["action"]!.GetValue<string>() == "transition");
            Assert.Contains(into.ToString(), transition!["data"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal("received", (await GetAsync($"/api/v1/triage/reports/{into}"))["status"]!.GetValue<string>());

        // Merging again changes nothing: every member already is a duplicate of it.
        using var again = await Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{into}/cluster/merge", TestClients.Triager, new { });
        Assert.Empty((await SystemUnderTest.JsonAsync(again))["results"]!.AsArray());

        using var invalid = await Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{into}/cluster/merge", TestClients.Triager, new { note = " " });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }
}
