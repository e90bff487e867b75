using System.Diagnostics;
using System.Globalization;
using SafetyReports.Triage.Storage;
using SafetyReports.Triage.Transparency;

namespace SafetyReports.Bench.TransparencyBenchmark;

/// <summary>
/// Seeds a SQLite Triage store with synthetic reports through the store's own bulk path (which keeps the
/// transparency cells as every write does), unless it already holds them, then times the transparency
/// queries as the API runs them (read the cells, add them up, withhold, order). Usage:
/// <c>dotnet run -c Release --project bench/TransparencyBenchmark -- [--reports 1000000] [--hosts 200] [--models 5000] [--db path] [--runs 40]</c>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var reports = int.Parse(Option(args, "--reports") ?? "1000000", CultureInfo.InvariantCulture);
        var hosts = int.Parse(Option(args, "--hosts") ?? "200", CultureInfo.InvariantCulture);
        var models = int.Parse(Option(args, "--models") ?? "5000", CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "40", CultureInfo.InvariantCulture);
        var path = Option(args, "--db") ?? Path.Combine(Path.GetTempPath(), "safetyreports-transparency-bench", $"triage-{reports}-{hosts}-{models}.db");
        var end = new DateTimeOffset(2026, 11, 15, 0, 0, 0, TimeSpan.Zero);
        var synthetic = new SyntheticAccountability(reports, hosts, models, end);

        Console.WriteLine($"database {path}");
        var store = new SqliteTriageStore(path);
        var stored = (await store.CountReportsAsync(new ReportQuery(), CancellationToken.None)).Total;
        if (stored < reports)
        {
            var seeding = Stopwatch.StartNew();
            foreach (var batch in synthetic.Generate().Skip((int)stored).Chunk(20_000))
            {
                await store.BulkLoadAsync(batch, CancellationToken.None);
                Console.Write($"\rseeded {stored += batch.Length:N0}");
            }

            Console.WriteLine($"\rseeded {reports:N0} reports in {seeding.Elapsed.TotalSeconds:F0} s, file {new FileInfo(path).Length / 1_048_576:N0} MiB");
        }

        await store.DisposeAsync();
        store = new SqliteTriageStore(path);
        var query = new TransparencyQuery(store, new TransparencyOptions(), new FixedClock(end));
        var year = TransparencyPeriod.Parse("2025-12", "2026-11", end, new TransparencyOptions()).Period!;
        var month = new TransparencyPeriod(202610, 202610);
        var all = await query.FiguresAsync(null, year, CancellationToken.None);
        var distinctModels = 0;
        foreach (var host in Enumerable.Range(0, hosts).Select(synthetic.Host))
        {
            distinctModels += (await query.FiguresAsync(host, year, CancellationToken.None)).Groups.Count;
        }

        Console.WriteLine($"{all.Groups.Count} hosts listed over 12 months, {distinctModels} models listed; {runs} timed runs per case after 40 warm-up runs; times in ms");
        Console.WriteLine();
        Console.WriteLine("| case | p50 | p95 | max | groups |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        await TimeAsync("hosts, 12 months", runs, _ => query.FiguresAsync(null, year, CancellationToken.None));
        await TimeAsync("(of which reading and adding the cells)", runs, async _ =>
        {
            var tallies = new TransparencyTallies(end);
            await store.ReadTransparencyAsync(null, year, tallies, CancellationToken.None);
            return all with { Groups = [.. all.Groups.Take(tallies.Groups.Count)] }; // Groups adds the cells up
        });
        var read = new TransparencyTallies(end);
        await store.ReadTransparencyAsync(null, year, read, CancellationToken.None);
        _ = read.Groups;
        await TimeAsync("(of which computing the figures)", runs, _ =>
            Task.FromResult(TransparencyFiguresBuilder.Build(read, year, new TransparencyOptions(), all.Audit)));
        await TimeAsync("hosts, 1 month", runs, _ => query.FiguresAsync(null, month, CancellationToken.None));
        await TimeAsync("models of the biggest host, 12 months", runs, _ => query.FiguresAsync(synthetic.Host(0), year, CancellationToken.None));
        await TimeAsync("models of each host in turn, 12 months", runs, i => query.FiguresAsync(synthetic.Host(i * 37 % hosts), year, CancellationToken.None));
        await TimeAsync("models of the biggest host, 1 month", runs, _ => query.FiguresAsync(synthetic.Host(0), month, CancellationToken.None));
        return 0;
    }

    private static async Task TimeAsync(string name, int runs, Func<int, Task<TransparencyFigures>> run)
    {
        // Enough warm-up runs for the JIT's optimised tier to replace the first code (it waits for 30 calls).
        for (var i = 0; i < 40; i++)
        {
            await run(i);
        }

        var times = new List<double>();
        var groups = 0;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            groups = (await run(i)).Groups.Count;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Percentile(times, 0.5):F1} | {Percentile(times, 0.95):F1} | {times[^1]:F1} | {groups} |"));
    }

    private static double Percentile(List<double> sorted, double fraction) => sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)];

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
