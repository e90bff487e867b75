using System.Globalization;
using System.Text.Json.Nodes;
using SafetyReports.Bench.EndToEnd;
using SafetyReports.IntegrationTests.Infrastructure;

// End-to-end latency and memory of the distributed system (docs/benchmarks.md):
//   dotnet run -c Release --project bench/EndToEnd -- [--rates 50,200,500] [--seconds 20] [--warmup-seconds 5] [--soak-minutes 0] [--soak-rate 100]
// Needs RabbitMQ on 127.0.0.1:5672 with rabbitmqctl. Every phase is bounded by its duration plus a settle time.
var options = BenchOptions.Parse(args);
var timeline = new ReportTimeline();
Console.WriteLine($"# end-to-end benchmark {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ} on {Environment.ProcessorCount} cores; rates {string.Join(", ", options.Rates)} per s for {options.Seconds} s each");

await using var broker = await RabbitMqBroker.CreateVirtualHostAsync();
await using var receiver = await WebhookReceiver.StartAsync();
receiver.Respond = webhook =>
{
    if (webhook.Path == "/hooks/all" && JsonNode.Parse(webhook.Body)?["data"]?["reportId"]?.GetValue<string>() is { } id)
    {
        timeline.For(Guid.Parse(id)).Webhook = timeline.Now;
    }

    return 204;
};

// The services' own logging defaults (Information), as a deployment without logging settings runs them.
await using var system = await DistributedSystem.StartAsync(broker);
await LoadScenario.SubscribeAsync(system.Api, receiver);
using var driver = new LoadDriver(system.Api, timeline, await system.Api.TokenAsync(TestClients.Triager));
var tap = await StoredReportTap.StartAsync(broker.ConnectionString, id =>
{
    timeline.For(id).Stored = timeline.Now;
    _ = driver.TriageAsync(id).ContinueWith(t => Console.Error.WriteLine($"triage of {id} failed: {t.Exception?.GetBaseException().Message}"),
        TaskContinuationOptions.OnlyOnFaulted);
}, CancellationToken.None);

var sampler = new MemorySampler(system.Processes, TimeSpan.FromSeconds(1));
var cpu = new CpuMeter(system.Processes);
Console.WriteLine("# resident memory at rest (MiB): " + Format(sampler.TakeNow()));

var results = new List<PhaseResult>();
// Long enough for the JIT's optimising tier to have compiled the hot paths (a few seconds is not, on two busy cores).
await RunPhaseAsync("warm-up", 50, TimeSpan.FromSeconds(options.WarmupSeconds), record: false);
Console.WriteLine("# resident memory after warm-up (MiB): " + Format(sampler.TakeNow()));
Console.WriteLine(PhaseResult.Header);
foreach (var rate in options.Rates)
{
    results.Add(await RunPhaseAsync($"rate-{rate}", rate, TimeSpan.FromSeconds(options.Seconds), record: true));
    Console.WriteLine(results[^1]);
    Console.WriteLine($"# cpu ms per report by process at {rate}/s: {results[^1].CpuByProcess()}");
}

if (options.SoakMinutes > 0)
{
    var soakSampler = new MemorySampler(system.Processes, TimeSpan.FromSeconds(10));
    using var stop = new CancellationTokenSource();
    var sampling = soakSampler.RunAsync("soak", stop.Token);
    var soak = await RunPhaseAsync("soak", options.SoakRate, TimeSpan.FromMinutes(options.SoakMinutes), record: true);
    await stop.CancelAsync();
    await sampling;
    Console.WriteLine(soak);
    Console.WriteLine(SoakReport.Describe(soakSampler.Samples));
}

Console.WriteLine("# resident memory at the end, at rest (MiB): " + Format(sampler.TakeNow()));
await tap.StopAsync();
return driver.Failures == 0 ? 0 : 1;

async Task<PhaseResult> RunPhaseAsync(string name, double rate, TimeSpan duration, bool record)
{
    var start = timeline.Now;
    using var stop = new CancellationTokenSource();
    var phaseSampler = new MemorySampler(system.Processes, TimeSpan.FromSeconds(1));
    var sampling = phaseSampler.RunAsync(name, stop.Token);
    var cpuBefore = cpu.Read();
    var sent = await driver.SubmitAsync(rate, duration, CancellationToken.None);

    // Settle: wait (bounded) until every accepted report of the phase reached the receiver.
    var settleUntil = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
    IReadOnlyList<ReportTimeline.Times> reports;
    while (true)
    {
        reports = timeline.Since(start);
        if (reports.All(r => r.Webhook > 0) || DateTimeOffset.UtcNow > settleUntil)
        {
            break;
        }

        await Task.Delay(200); // polling a benchmark's completion, bounded by settleUntil
    }

    var cpuUsed = cpu.Read() - cpuBefore;
    await stop.CancelAsync();
    await sampling;
    var peak = system.Processes.ToDictionary(p => p.Name, p => phaseSampler.Samples.Select(s => s.ResidentMiB[p.Name]).DefaultIfEmpty(double.NaN).Max());
    return new PhaseResult(name, rate, sent, reports.Count, reports.Count(r => r.Webhook > 0), driver.Failures,
        Stats.Of(reports.Where(r => r.Webhook > 0).Select(r => ReportTimeline.Ms(r.SubmitStarted, r.Webhook))),
        Stats.Of(reports.Select(r => ReportTimeline.Ms(r.SubmitStarted, r.Accepted))),
        Stats.Of(reports.Where(r => r.Stored > 0).Select(r => ReportTimeline.Ms(r.SubmitStarted, r.Stored))),
        Stats.Of(reports.Where(r => r.Webhook > 0 && r.TriageSent > 0).Select(r => ReportTimeline.Ms(r.TriageSent, r.Webhook))),
        cpuUsed, peak);
}

static string Format(IReadOnlyDictionary<string, double> memory) =>
    string.Join(", ", memory.Select(m => $"{m.Key} {m.Value.ToString("F0", CultureInfo.InvariantCulture)}"));
