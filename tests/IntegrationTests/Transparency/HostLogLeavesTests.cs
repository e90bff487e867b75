using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.IntegrationTests.Notification;

namespace SafetyReports.IntegrationTests.Transparency;

public sealed class HostLogLeavesFixture : NotificationSystemFixture;

/// <summary>
/// A notified host finds its part in a report in the public log: the host API names the leaves of <c>host_notified</c>, its
/// acknowledgement and its response (Triage announces them on the bus, Notification keeps them), and each index is the
/// report's leaf of that action in Triage's log, proven included under a signed checkpoint.
/// </summary>
public sealed class HostLogLeavesTests(HostLogLeavesFixture fixture) : IClassFixture<HostLogLeavesFixture>
{
    private NotificationClient Notification => fixture.Notification;

    private PublicLogClient Log => new(fixture.System.Api);

    [Fact]
    public async Task A_notified_host_sees_the_leaves_of_its_notification_acknowledgement_and_response_and_each_proves_included()
    {
        var (reportId, receiver) = await Notification.AnnouncedReportAsync();
        await using var _ = receiver;

        var notified = await HostReportAsync(reportId, r => r["log"]?["hostNotified"] is not null);
        Assert.Null(notified["log"]!["acknowledged"]);
        Assert.Null(notified["log"]!["responded"]);

        using (var acknowledge = await Notification.SendAsync(HttpMethod.Post, $"/api/v1/host/reports/{reportId}/acknowledge", TestClients.HostA, new { }))
        {
            Assert.Equal(HttpStatusCode.OK, acknowledge.StatusCode);
        }

        using (var respond = await Notification.SendAsync(HttpMethod.Post, $"/api/v1/host/reports/{reportId}/response", TestClients.HostA,
                   new { action = "removed", scope = "the repository", grounds = "Breach of our policy", automated = false }))
        {
            Assert.Equal(HttpStatusCode.OK, respond.StatusCode);
        }

        var shown = (await HostReportAsync(reportId, r => r["log"]?["acknowledged"] is not null && r["log"]?["responded"] is not null))["log"]!;
        var listed = (await Notification.JsonAsync(HttpMethod.Get, "/api/v1/host/reports?limit=200", TestClients.HostA))["items"]!.AsArray()
            .Single(i => i!["id"]!.GetValue<string>() == reportId.ToString())!;
        Assert.Equal(shown.ToJsonString(), listed["log"]!.ToJsonString());

        // Each index is the report's leaf of that action in the public log, and is proven included under a signed checkpoint.
        var leaves = (await Log.JsonAsync($"/api/v1/transparency/log/leaves?report={reportId}"))["leaves"]!.AsArray().Select(l => l!).ToList();
        var expected = new[] { ("hostNotified", "host_notified"), ("acknowledged", "host_acknowledged"), ("responded", "host_responded") };
        var indexes = expected.Select(e => shown[e.Item1]!.GetValue<long>()).ToList();
        var checkpoint = await Log.CheckpointCoveringAsync(indexes.Max());
        foreach (var (field, action) in expected)
        {
            var index = shown[field]!.GetValue<long>();
            var leaf = Assert.Single(leaves, l => l["index"]!.GetValue<long>() == index);
            Assert.Equal(action, leaf["action"]!.GetValue<string>());
            Assert.Equal(reportId, leaf["reportId"]!.GetValue<Guid>());
            Assert.True(await Log.ProvesInclusionAsync(index, PublicLogClient.Rehash(leaf), checkpoint), $"leaf {index} ({action}) is included");
        }

        // Another host sees nothing of it.
        using var other = await Notification.SendAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}", TestClients.HostB);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    private Task<JsonNode> HostReportAsync(Guid reportId, Func<JsonNode, bool> until) =>
        Eventually.UntilAsync(async () =>
        {
            using var response = await Notification.SendAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}", TestClients.HostA);
            var report = response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
            return report is not null && until(report) ? report : null;
        }, NotificationClient.Patience, $"host report {reportId} to show its log leaves");
}
