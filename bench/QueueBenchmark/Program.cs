using System.Diagnostics;
using System.Globalization;
using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;

namespace SafetyReports.Bench.QueueBenchmark;

/// <summary>
/// Seeds a SQLite Triage store with synthetic reports (unless it already holds them) and prints p50/p95/max
/// of the real store's queue queries per filter, order, search and deep page. Usage:
/// <c>dotnet run -c Release --project bench/QueueBenchmark -- [--reports 1000000] [--db path] [--runs 40]</c>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var reports = int.Parse(Option(args, "--reports") ?? "1000000", CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "40", CultureInfo.InvariantCulture);
        var path = Option(args, "--db") ?? Path.Combine(Path.GetTempPath(), "safetyreports-queue-bench", $"triage-{reports}.db");
        var end = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var now = end;

        Console.WriteLine($"database {path}");
        var store = new SqliteTriageStore(path);
        var stored = (await store.CountReportsAsync(new ReportQuery(), CancellationToken.None)).Total;
        if (stored < reports)
        {
            var seeding = Stopwatch.StartNew();
            foreach (var batch in new SyntheticReports(reports, end).Generate().Skip((int)stored).Chunk(20_000))
            {
                await store.BulkLoadAsync(batch, CancellationToken.None);
                Console.Write($"\rseeded {stored += batch.Length:N0}");
            }

            Console.WriteLine($"\rseeded {reports:N0} reports in {seeding.Elapsed.TotalSeconds:F0} s, file {new FileInfo(path).Length / 1_048_576:N0} MiB");
        }

        // Opened again, as a restarted service would (the upgrade step finds nothing to do).
        var opening = Stopwatch.StartNew();
        store = new SqliteTriageStore(path);
        Console.WriteLine($"opened in {opening.ElapsedMilliseconds} ms; {runs} timed runs per case after 3 warm-up runs; times in ms");
        Console.WriteLine();
        Console.WriteLine("| case | p50 | p95 | max | items |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");

        foreach (var (name, queries) in Cases(now))
        {
            await TimeAsync(name, runs, i => store.ListReportsAsync(queries[i % queries.Count], CancellationToken.None).ContinueWith(t => t.Result.Items.Count));
        }

        foreach (var sort in Enum.GetValues<ReportSort>())
        {
            foreach (var (label, filter) in new[]
                     {
                         ("no filter", new ReportQuery()), ("status=received", new ReportQuery(Status: ReportStatuses.Received)), ("status=open", new ReportQuery(Open: true)),
                     })
            {
                var cursors = await DeepCursorsAsync(store, filter with { Sort = sort }, 100, runs);
                await TimeAsync($"page 100+ ({label}), {sort.ToString().ToLowerInvariant()}", runs,
                    i => store.ListReportsAsync(filter with { Sort = sort, After = cursors[i % cursors.Count] }, CancellationToken.None)
                        .ContinueWith(t => t.Result.Items.Count));
            }
        }

        foreach (var (name, query) in new[]
                 {
                     ("counts, no filter", new ReportQuery()),
                     ("counts, category=hate", new ReportQuery(Category: "hate")),
                     ("counts, assignee", new ReportQuery(Assignee: SyntheticReports.Assignees[0])),
                     ("counts, modelHost=civitai + severity=high", new ReportQuery(ModelHost: "civitai", Severity: "high")),
                     ("counts, modelId=org1/model-1", new ReportQuery(ModelId: "org1/model-1")),
                     ("counts, overdue", new ReportQuery(OverdueAt: now)),
                     ($"counts, q={SyntheticReports.RareWord} (rare)", new ReportQuery(Text: SyntheticReports.RareWord)),
                     ("counts, q=jailbreak (common)", new ReportQuery(Text: "jailbreak")),
                     ("counts, q=jailbreak + category=hate", new ReportQuery(Text: "jailbreak", Category: "hate")),
                 })
        {
            await TimeAsync(name, runs, _ => store.CountReportsAsync(query, CancellationToken.None).ContinueWith(t => (int)t.Result.Total));
        }

        return 0;
    }

    private static IEnumerable<(string Name, IReadOnlyList<ReportQuery> Queries)> Cases(DateTimeOffset now)
    {
        var filters = new (string Name, IReadOnlyList<ReportQuery> Queries)[]
        {
            ("no filter", [new ReportQuery()]),
            ("status (each)", [.. ReportStatuses.All.Select(s => new ReportQuery(Status: s))]),
            ("category (each)", [.. HazardTaxonomy.Categories.Select(c => new ReportQuery(Category: c.Code))]),
            ("severity (each)", [.. Severities.All.Select(s => new ReportQuery(Severity: s))]),
            ("modelHost (each)", [.. new[] { "huggingface", "civitai", "ollama", "replicate", "modelscope", "kaggle", "github", "tensorhub" }.Select(h => new ReportQuery(ModelHost: h))]),
            ("modelHost+modelId", [.. Enumerable.Range(1, 20).Select(i => new ReportQuery(ModelHost: "huggingface", ModelId: $"org{i}/model-1"))]),
            ("assignee (each)", [.. SyntheticReports.Assignees.Select(a => new ReportQuery(Assignee: a))]),
            ("overdue", [new ReportQuery(OverdueAt: now)]),
            ("status=received + category=hate", [new ReportQuery(Status: ReportStatuses.Received, Category: "hate")]),
            ("status=open", [new ReportQuery(Open: true)]),
            ("status=open + category=hate", [new ReportQuery(Open: true, Category: "hate")]),
            ("status=open + modelHost (each)", [.. new[] { "huggingface", "civitai", "ollama", "replicate", "modelscope", "kaggle", "github", "tensorhub" }.Select(h => new ReportQuery(Open: true, ModelHost: h))]),
            ("status=open + q common word", [new ReportQuery(Open: true, Text: "model")]),
            ("q common word (model)", [new ReportQuery(Text: "model")]),
            ("q common words (jailbreak prompt)", [new ReportQuery(Text: "jailbreak prompt")]),
            ("q tail words (each of 20)", [.. Enumerable.Range(200, 20).Select(r => new ReportQuery(Text: SyntheticReports.TailWord(r)))]),
            ($"q rare word ({SyntheticReports.RareWord})", [new ReportQuery(Text: SyntheticReports.RareWord)]),
            ("q common + status=received", [new ReportQuery(Text: "model", Status: ReportStatuses.Received)]),
        };
        foreach (var sort in Enum.GetValues<ReportSort>())
        {
            foreach (var (name, queries) in filters)
            {
                yield return ($"{name}, {sort.ToString().ToLowerInvariant()}", [.. queries.Select(q => q with { Sort = sort })]);
            }
        }
    }

    /// <summary>Cursors of pages 100, 101, … (reached by walking, not timed).</summary>
    private static async Task<List<ReportCursor>> DeepCursorsAsync(SqliteTriageStore store, ReportQuery query, int firstPage, int count)
    {
        var cursors = new List<ReportCursor>();
        ReportCursor? cursor = null;
        for (var page = 1; cursors.Count < count; page++)
        {
            var result = await store.ListReportsAsync(query with { After = cursor }, CancellationToken.None);
            cursor = result.Next ?? throw new InvalidOperationException("Too few reports for deep pages.");
            if (page >= firstPage - 1)
            {
                cursors.Add(cursor);
            }
        }

        return cursors;
    }

    private static async Task TimeAsync(string name, int runs, Func<int, Task<int>> run)
    {
        for (var i = 0; i < 3; i++)
        {
            await run(i);
        }

        var times = new List<double>();
        var items = 0;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            items = await run(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(FormattableString.Invariant(
            $"| {name} | {Percentile(times, 0.50):F1} | {Percentile(times, 0.95):F1} | {times[^1]:F1} | {items} |"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
