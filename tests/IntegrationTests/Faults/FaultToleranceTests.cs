using System.Diagnostics;
using System.Net;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Faults;

/// <summary>
/// The no-loss promise under crashes and outages: 2,000 reports go through the distributed system at a
/// steady rate while, in turn, Triage is killed (SIGKILL) and restarted, Notification is killed in the
/// middle of sending webhooks and restarted, RabbitMQ is stopped and started, and the webhook receiver
/// answers 503 for a while. One report in ten carries evidence files (multipart), so the files' hand-over from Intake
/// to Triage goes through the same crashes. Afterwards every accepted report is in Triage exactly once with exactly
/// its files, Intake holds no file any more, and every (report, matching subscription) has a successful webhook delivery.
/// </summary>
[Trait("Speed", "Slow")]
[Collection(RabbitMqCollection.Name)]
public class FaultToleranceTests(ITestOutputHelper output)
{
    private const int Reports = 2000;
    private const double PerSecond = 40;
    private const int BrokerStopsAt = 1000;
    private const int ReceiverDownAt = 1500;
    // Generous: every phase waits for progress under load on two shared cores, not for a fixed time.
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(90);
    // Settling goes on while it makes progress (a loaded machine is slow, not wrong); a system that makes none for this
    // long is stuck, and the test says where the rest stands.
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SettleAtMost = TimeSpan.FromSeconds(300);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    [Fact(Timeout = 480_000)]
    public async Task No_accepted_report_is_lost_or_applied_twice_through_crashes_and_outages()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var broker = await RabbitMqBroker.CreateVirtualHostAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var ledger = new WebhookLedger(receiver);
        await using var system = await DistributedSystem.StartAsync(broker, new DistributedSystemOptions
        {
            Settings = { ["SafetyReports:Intake:EvidenceFiles:Enabled"] = "true" },
            ServiceSettings = { ["Notification"] = LoadScenario.NotificationSettings() },
        });
        Log($"system started in {_clock.Elapsed.TotalSeconds:F1} s");
        var brokerStopped = false;
        try
        {
            var subscriptions = await LoadScenario.SubscribeAsync(system.Api, receiver);
            var token = await system.Api.TokenAsync(TestClients.Triager);
            using var submitter = new PacedSubmitter(system.Api.Urls.Intake, Reports, PerSecond, LoadScenario.ReportWithFiles);
            // The broker's outage and the receiver's must each see reports arrive: the schedule waits for them there,
            // however long the crashes before took to recover from on a busy machine.
            submitter.HoldAt(BrokerStopsAt);
            submitter.HoldAt(ReceiverDownAt);
            using var stopTriaging = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var triager = new TriageDriver(system.Api, token);
            var load = _clock.Elapsed;
            var submitting = submitter.RunAsync(cancellation);
            var triaging = triager.RunAsync(stopTriaging.Token);

            // 1. Triage crashes while reports arrive and are being triaged.
            await UntilAsync(() => submitter.Accepted.Count >= 250, "250 reports accepted");
            var restart = await system.KillAndRestartAsync("Triage");
            Log($"[{Since(load)}] Triage killed (SIGKILL) at {submitter.Accepted.Count} accepted; back and ready in {restart.TotalSeconds:F1} s");

            // 2. Notification crashes in the middle of deliveries: the receiver holds the requests it got
            //    unanswered, so the killed process has sent webhooks whose answers it never sees.
            await UntilAsync(() => ledger.Count >= 50 && submitter.Accepted.Count >= 600, "webhooks flowing after Triage's restart");
            ledger.Hold();
            await UntilAsync(() => ledger.HeldNow >= 4, "webhook requests in flight");
            var inFlight = ledger.HeldNow;
            await system.Process("Notification").KillAsync();
            ledger.Release();
            var leased = StoreQuery.Rows(system.DataDirectory("Notification"), "notification.db",
                $"SELECT COUNT(*) FROM deliveries WHERE status = 'pending' AND lease_until > {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}")[0][0];
            restart = await system.KillAndRestartAsync("Notification");
            Log($"[{Since(load)}] Notification killed (SIGKILL) with {inFlight} webhook requests in flight (of {ledger.Count} so far) and {leased} deliveries leased; back and ready in {restart.TotalSeconds:F1} s");

            // 3. The broker goes away for as long as it takes Intake to accept another 150 reports.
            await UntilAsync(() => submitter.Accepted.Count >= BrokerStopsAt, $"{BrokerStopsAt} reports accepted");
            await RabbitMqBroker.StopAppAsync();
            brokerStopped = true;
            var atStop = submitter.Accepted.Count;
            Log($"[{Since(load)}] RabbitMQ stopped (stop_app) at {atStop} accepted");
            submitter.Release(BrokerStopsAt);
            await UntilAsync(() => submitter.Accepted.Count >= atStop + 150, "150 reports accepted while the broker is down");
            await RabbitMqBroker.StartAppAsync();
            brokerStopped = false;
            Log($"[{Since(load)}] RabbitMQ started (start_app); {submitter.Accepted.Count - atStop} reports accepted while it was down");

            // 4. The receiver answers 503 until it has refused 200 webhook requests and 150 more reports came in.
            await UntilAsync(() => submitter.Accepted.Count >= ReceiverDownAt, $"{ReceiverDownAt} reports accepted");
            ledger.Down = true;
            var atDown = submitter.Accepted.Count;
            Log($"[{Since(load)}] webhook receiver down (503) at {atDown} accepted");
            submitter.Release(ReceiverDownAt);
            await UntilAsync(() => ledger.RefusedWhileDown >= 200 && submitter.Accepted.Count >= atDown + 150,
                () => $"the receiver to refuse 200 webhooks and 150 more reports (so far {ledger.RefusedWhileDown} refused, {submitter.Accepted.Count - atDown} accepted)");
            ledger.Down = false;
            Log($"[{Since(load)}] webhook receiver up again after refusing {ledger.RefusedWhileDown} requests");

            await submitting;
            Log($"[{Since(load)}] submitted {Reports} in {submitter.Elapsed.TotalSeconds:F1} s ({Reports / submitter.Elapsed.TotalSeconds:F1}/s): " +
                $"{submitter.Accepted.Count} accepted, {submitter.Refused.Count} refused, {submitter.Retried} retried requests");
            Assert.True(submitter.Refused.Count == 0, "refused: " + string.Join(" | ", submitter.Refused.Take(5)));
            Assert.Equal(Reports, submitter.Accepted.Count);

            var accounting = await SettleAsync(() => LoadAccounting.Take(
                system.DataDirectory("Triage"), system.DataDirectory("Notification"), submitter.Accepted, subscriptions, ledger,
                system.DataDirectory("Intake"), LoadScenario.FilesOf));
            await stopTriaging.CancelAsync();
            await triaging;
            Log($"[{Since(load)}] settled: {accounting}");
            Log($"triage driver: {triager.Triaged} transitions, {triager.Conflicts} conflicts, {triager.Errors} errors while Triage was away");
            Log($"total {_clock.Elapsed.TotalSeconds:F1} s");

            Assert.True(accounting.Settled, "the system did not settle: " + accounting);
            Assert.Equal(Reports, accounting.StoredInTriage);
            Assert.Equal(0, accounting.ExtraInTriage);
            Assert.Equal(0, accounting.ReceivedAuditNotOne);
            Assert.Equal(0, accounting.WebhookIdMismatches);
            Assert.Equal(Reports * 3 / 2, accounting.ExpectedDeliveries);
            Assert.Equal(Reports / 10 + Reports / 40, accounting.ExpectedFiles);
            Assert.Equal((accounting.ExpectedFiles, 0, 0), (accounting.FilesInTriage, accounting.ReportsWithOtherFiles, accounting.FilesLeftInIntake));

            using var verify = await system.Api.SendAsync(HttpMethod.Get, system.Api.Urls.Triage, "/api/v1/triage/audit/verify", TestClients.Triager);
            Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
            Assert.True((await SystemUnderTest.JsonAsync(verify))["valid"]!.GetValue<bool>(), "the audit chain must stay valid through crashes");
        }
        catch
        {
            Log("whole logs kept in " + system.KeepLogs(nameof(FaultToleranceTests)));
            output.WriteLine(system.Logs());
            throw;
        }
        finally
        {
            if (brokerStopped)
            {
                await RabbitMqBroker.StartAppAsync();
            }
        }
    }

    /// <summary>Waits until everything is stored, triaged and delivered; gives up when nothing moved for <see cref="Stall"/>.</summary>
    private static async Task<LoadAccounting> SettleAsync(Func<LoadAccounting> take)
    {
        var started = Stopwatch.StartNew();
        var lastMove = Stopwatch.StartNew();
        var now = take();
        while (!now.Settled && lastMove.Elapsed < Stall && started.Elapsed < SettleAtMost)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
            var next = take();
            if (next.Progress > now.Progress)
            {
                lastMove.Restart();
            }

            now = next;
        }

        return now;
    }

    private string Since(TimeSpan start) => $"{(_clock.Elapsed - start).TotalSeconds:F1} s";

    private static Task UntilAsync(Func<bool> condition, string what) =>
        Eventually.UntilAsync(() => Task.FromResult(condition()), Phase, what);

    /// <summary>As above; the description is built when the wait times out, so it says how far things got.</summary>
    private static async Task UntilAsync(Func<bool> condition, Func<string> progress)
    {
        try
        {
            await Eventually.UntilAsync(() => Task.FromResult(condition()), Phase, "progress");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {Phase.TotalSeconds} s waiting for {progress()}.");
        }
    }

    private void Log(string line)
    {
        output.WriteLine(line);
        Console.WriteLine("[fault test] " + line);
    }
}
