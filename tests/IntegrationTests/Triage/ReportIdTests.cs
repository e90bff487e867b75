using System.Net;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Triage;

/// <summary>
/// Report ids go to hosts (webhooks, host API) and into the public disclosures: they must not tell when a report
/// was received (a time-ordered UUIDv7 did, to the millisecond). The queue orders by the received time instead.
/// </summary>
public sealed class ReportIdTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private SystemUnderTest Api => fixture.System.Api;

    [Fact]
    public async Task New_report_ids_are_random_and_the_queue_still_lists_reports_in_the_order_received()
    {
        var modelId = $"org/ids-{Guid.NewGuid():N}";
        var submitted = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var (id, _) = await Api.SubmitAsync(SystemUnderTest.Report("hub-ids", modelId, $"Report {i}"));
            // RFC 9562 version 4: every bit but the version and variant is random, none is a time.
            Assert.Equal(4, id.Version);
            Assert.Equal(0b10, id.Variant >> 2);
            await Api.TriageReportAsync(id);
            submitted.Add(id);
        }

        Assert.Equal(submitted, await QueueAsync(modelId, "oldest"));
        Assert.Equal(Enumerable.Reverse(submitted), await QueueAsync(modelId, "newest"));
    }

    private async Task<List<Guid>> QueueAsync(string modelId, string sort)
    {
        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage,
            $"/api/v1/triage/reports?modelId={Uri.EscapeDataString(modelId)}&sort={sort}&limit=2", TestClients.Triager);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SystemUnderTest.JsonAsync(response);
        var ids = page["items"]!.AsArray().Select(r => Guid.Parse(r!["id"]!.GetValue<string>())).ToList();
        if (page["nextCursor"]?.GetValue<string>() is { } next)
        {
            using var more = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage,
                $"/api/v1/triage/reports?modelId={Uri.EscapeDataString(modelId)}&sort={sort}&limit=2&cursor={Uri.EscapeDataString(next)}", TestClients.Triager);
            ids.AddRange((await SystemUnderTest.JsonAsync(more))["items"]!.AsArray().Select(r => Guid.Parse(r!["id"]!.GetValue<string>())));
        }

        return ids;
    }
}
