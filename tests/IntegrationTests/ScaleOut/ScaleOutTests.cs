using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.ScaleOut;

/// <summary>
/// Two Triage and two Notification processes against one broker: replicas of a service share its store
/// (here one SQLite file in WAL mode, which several processes on one machine may open together; across
/// machines that is MongoDB) and compete for its queues. The work is shared, and nothing is applied
/// twice: one 'received' audit entry and one triage per report, one webhook-id per delivery.
/// </summary>
[Trait("Speed", "Slow")]
[Collection(RabbitMqCollection.Name)]
public partial class ScaleOutTests(ITestOutputHelper output)
{
    private const int Reports = 600;
    private const double PerSecond = 60;

    [Fact(Timeout = 240_000)]
    public async Task Two_replicas_of_Triage_and_Notification_share_the_work_and_apply_nothing_twice()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var broker = await RabbitMqBroker.CreateVirtualHostAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var ledger = new WebhookLedger(receiver);
        var clock = Stopwatch.StartNew();
        // MassTransit logs each consumed message at Debug ("RECEIVE … {ConsumerType}"): that is how we see who consumed what.
        var consumeLogs = new Dictionary<string, string> { ["Logging:LogLevel:MassTransit"] = "Debug" };
        var notification = LoadScenario.NotificationSettings();
        foreach (var (key, value) in consumeLogs)
        {
            notification[key] = value;
        }

        await using var system = await DistributedSystem.StartAsync(broker, new DistributedSystemOptions
        {
            TriageReplicas = 2,
            NotificationReplicas = 2,
            ServiceSettings = { ["Triage"] = consumeLogs, ["Notification"] = notification },
        });
        Log($"system with {system.Processes.Count} processes started in {clock.Elapsed.TotalSeconds:F1} s");
        try
        {
            var subscriptions = await LoadScenario.SubscribeAsync(system.Api, receiver);
            var token = await system.Api.TokenAsync(TestClients.Triager);
            using var submitter = new PacedSubmitter(system.Api.Urls.Intake, Reports, PerSecond, LoadScenario.Report);
            using var stopTriaging = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var triager = new TriageDriver(system.Api, token);
            var triaging = triager.RunAsync(stopTriaging.Token);
            await submitter.RunAsync(cancellation);
            Assert.True(submitter.Refused.Count == 0, "refused: " + string.Join(" | ", submitter.Refused.Take(5)));

            var accounting = await Eventually.UntilAsync(() =>
            {
                var now = LoadAccounting.Take(system.DataDirectory("Triage"), system.DataDirectory("Notification"), submitter.Accepted, subscriptions, ledger);
                return Task.FromResult(now.Settled ? now : null);
            }, TimeSpan.FromSeconds(120), "every accepted report stored, triaged and delivered");
            await stopTriaging.CancelAsync();
            await triaging;
            Log($"settled after {clock.Elapsed.TotalSeconds:F1} s: {accounting}");

            var triageShare = Share(system, "Triage", "StoreSubmittedReportConsumer");
            var planShare = Share(system, "Notification", "PlanWebhookDeliveriesConsumer");
            Log("ReportSubmitted consumed per Triage process: " + string.Join(", ", triageShare.Select(s => $"{s.Key} {s.Value}")));
            Log("ReportStatusChanged consumed per Notification process: " + string.Join(", ", planShare.Select(s => $"{s.Key} {s.Value}")));

            var appliedTwice = StoreQuery.Rows(system.DataDirectory("Triage"), "triage.db",
                "SELECT COUNT(*) FROM (SELECT report_id, action FROM audit WHERE action IN ('received', 'transition', 'host_notified') GROUP BY report_id, action HAVING COUNT(*) > 1)")[0][0];
            Log($"(report, action) pairs applied more than once: {appliedTwice}");

            Assert.Equal(Reports, accounting.StoredInTriage);
            Assert.Equal(0, accounting.ReceivedAuditNotOne);
            Assert.Equal(0L, appliedTwice);
            Assert.Equal(0, accounting.WebhookIdMismatches);
            Assert.Equal(0, accounting.DuplicateSuccesses);
            Assert.All(triageShare, s => Assert.True(s.Value > 0, $"{s.Key} consumed no ReportSubmitted: the replicas do not share the queue"));
            Assert.All(planShare, s => Assert.True(s.Value > 0, $"{s.Key} consumed no ReportStatusChanged: the replicas do not share the queue"));
            Assert.Equal(2, triageShare.Count);
            Assert.Equal(2, planShare.Count);

            using var verify = await system.Api.SendAsync(HttpMethod.Get, system.Api.Urls.Triage, "/api/v1/triage/audit/verify", TestClients.Triager);
            Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
            Assert.True((await SystemUnderTest.JsonAsync(verify))["valid"]!.GetValue<bool>(), "two writers must not fork the audit chain");
        }
        catch
        {
            output.WriteLine(system.Logs());
            throw;
        }
    }

    /// <summary>How many messages each process of a service handed to the consumer, from MassTransit's RECEIVE log lines.</summary>
    private static Dictionary<string, int> Share(DistributedSystem system, string service, string consumer) =>
        system.Processes.Where(p => p.Service == service).ToDictionary(
            p => p.Name,
            p => p.LogText().Split('\n').Count(line => ReceiveLine().IsMatch(line) && line.Contains(consumer, StringComparison.Ordinal)));

    [GeneratedRegex(@"\bRECEIVE\b")]
    private static partial Regex ReceiveLine();

    private void Log(string line)
    {
        output.WriteLine(line);
        Console.WriteLine("[scale-out test] " + line);
    }
}
