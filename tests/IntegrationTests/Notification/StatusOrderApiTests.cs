using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.Notification.Storage;
using SafetyReports.Triage.Storage;

namespace SafetyReports.IntegrationTests.Notification;

public sealed class StatusOrderFixture : NotificationSystemFixture;

/// <summary>
/// Status events of one report are published close together and consumed concurrently: a report resolved right after
/// it was triaged must still reach its host's subscriptions with both events, whichever event Notification sees first.
/// </summary>
public sealed class StatusOrderApiTests(StatusOrderFixture fixture) : IClassFixture<StatusOrderFixture>
{
    private const int ReportsPerHost = 12;

    private SystemUnderTest Api => fixture.System.Api;

    [Fact]
    public async Task Reports_resolved_right_after_triage_reach_every_subscribed_host_with_both_events()
    {
        var notification = fixture.Notification;
        await using var receiverA = await ScriptedReceiver.StartAsync();
        await using var receiverB = await ScriptedReceiver.StartAsync();
        var hosts = new[] { ("hub-a", TestClients.HostA, receiverA), ("hub-b", TestClients.HostB, receiverB) };
        var reports = new List<(Guid Id, ScriptedReceiver Receiver)>();
        foreach (var (host, client, receiver) in hosts)
        {
            await notification.EnsureHostAsync(host);
            var model = $"org-{Guid.NewGuid():N}/model";
            await notification.SubscribeAsync(client, host, receiver.BaseUrl + "/hook", ["report.triaged", "report.resolved"], [model]);
            for (var i = 0; i < ReportsPerHost; i++)
            {
                var (id, _) = await Api.SubmitAsync(SystemUnderTest.Report(host, model, $"Report {i}"));
                reports.Add((id, receiver));
            }
        }

        var inTriage = new List<JsonNode>();
        foreach (var (id, _) in reports)
        {
            inTriage.Add(await Api.TriageReportAsync(id));
        }

        // Notification's writes wait while the test holds its file's write lock, so a consumer of report.triaged has read
        // "no route yet" and waits to save it when the same report's resolved event is consumed: the interleaving of two
        // consumers (or replicas) taking a report's events at once, forced rather than hoped for.
        using (HoldWrites(Path.Combine(fixture.System.DataDirectory, NotificationStoreFactory.SqliteFileName)))
        {
            foreach (var ((id, _), received) in reports.Zip(inTriage))
            {
                await TriageThenResolveAsync(id, received["version"]!.GetValue<long>());
            }

            await Eventually.UntilAsync(
                () => Task.FromResult(StoreInspector.Count(fixture.System.DataDirectory, TriageStoreFactory.SqliteFileName, table: "outbox") == 0),
                NotificationClient.Patience, "Triage to publish every status event");
        }

        foreach (var (id, receiver) in reports)
        {
            await NotificationClient.WebhookAsync(receiver, "report.triaged", id);
            await NotificationClient.WebhookAsync(receiver, "report.resolved", id);
        }
    }

    private async Task TriageThenResolveAsync(Guid reportId, long version)
    {
        using (var triaged = await TransitionAsync(reportId, new { to = "triaged", severity = "high", expectedVersion = version }))
        {
            Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
        }

        using var resolved = await TransitionAsync(reportId, new { to = "resolved", expectedVersion = version + 1 });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
    }

    private Task<HttpResponseMessage> TransitionAsync(Guid reportId, object body) =>
        Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{reportId}/transitions", TestClients.Triager, body);

    /// <summary>Takes the SQLite file's write lock until disposed; readers go on (WAL), writers wait on their busy timeout.</summary>
    private static SqliteConnection HoldWrites(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        return connection;
    }
}
