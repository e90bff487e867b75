using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SafetyReports.Notification.Storage;

namespace SafetyReports.Bench.ModelIndexBenchmark;

/// <summary>
/// How the digest lookup a triaged report (and a published manifest) makes grows with the number of served files: seeds
/// Notification's <c>model_files</c> with a small and a large number of models (10 files each, one transaction each), then
/// times <see cref="SqliteNotificationStore.FindFilesAsync"/> for a report's 10 digests on both and prints p50/p95 and the
/// large/small ratio (an index seek grows with log n: the ratio stays near 1; a scan would grow with n). Usage:
/// <c>dotnet run -c Release --project bench/ModelIndexBenchmark -- [--small 1000] [--large 100000] [--files 10] [--runs 2000]</c>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var small = Int(args, "--small", 1_000);
        var large = Int(args, "--large", 100_000);
        var files = Int(args, "--files", 10);
        var runs = Int(args, "--runs", 2_000);
        var folder = Path.Combine(Path.GetTempPath(), "safetyreports-model-index-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var smallTimes = await MeasureAsync(Path.Combine(folder, "small.db"), small, files, runs);
            var largeTimes = await MeasureAsync(Path.Combine(folder, "large.db"), large, files, runs);
            Console.WriteLine($"ratio p50 {largeTimes.P50 / smallTimes.P50:F2}, p95 {largeTimes.P95 / smallTimes.P95:F2} ({large / small}x the files)");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(double P50, double P95)> MeasureAsync(string path, int models, int files, int runs)
    {
        await using (var created = new SqliteNotificationStore(path))
        {
            await created.GetManifestAsync("h", "m", CancellationToken.None);
        }

        var seeding = Stopwatch.StartNew();
        Seed(path, models, files);
        Console.WriteLine($"{models:N0} models x {files} files seeded in {seeding.Elapsed.TotalSeconds:F1} s");

        await using var store = new SqliteNotificationStore(path);
        var random = new Random(7);
        var times = new double[runs];
        for (var warm = -200; warm < runs; warm++)
        {
            var model = random.Next(models);
            var digests = Enumerable.Range(0, files).Select(f => Digest(model, f, files)).ToList();
            var watch = Stopwatch.StartNew();
            var found = await store.FindFilesAsync(digests, CancellationToken.None);
            watch.Stop();
            if (found.Count != files)
            {
                throw new InvalidOperationException($"expected {files} files of model {model}, found {found.Count}");
            }

            if (warm >= 0)
            {
                times[warm] = watch.Elapsed.TotalMilliseconds;
            }
        }

        Array.Sort(times);
        var (p50, p95) = (times[runs / 2], times[(int)(runs * 0.95)]);
        Console.WriteLine($"{models:N0} models: lookup of a report's {files} digests p50 {p50:F3} ms, p95 {p95:F3} ms, max {times[^1]:F3} ms");
        return (p50, p95);
    }

    private static string Digest(int model, int file, int files) => $"sha256:{(long)model * files + file:x64}";

    private static void Seed(string path, int models, int files)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = new SqliteCommand(
            "INSERT INTO model_files (host_id, model_id, digest, position) VALUES ($host, $model, $digest, $position)", connection, transaction);
        var host = insert.Parameters.Add("$host", SqliteType.Text);
        var model = insert.Parameters.Add("$model", SqliteType.Text);
        var digest = insert.Parameters.Add("$digest", SqliteType.Text);
        var position = insert.Parameters.Add("$position", SqliteType.Integer);
        insert.Prepare();
        for (var m = 0; m < models; m++)
        {
            host.Value = $"host{m % 25}";
            model.Value = $"org/model-{m}";
            for (var f = 0; f < files; f++)
            {
                (digest.Value, position.Value) = (Digest(m, f, files), f);
                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private static int Int(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
