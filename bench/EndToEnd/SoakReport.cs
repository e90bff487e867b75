using System.Text;

namespace SafetyReports.Bench.EndToEnd;

/// <summary>
/// Whether memory grows steadily over a soak: per service, the first and last minute's mean, the peak,
/// and the least-squares slope over the second half (after warm-up effects such as JIT and pools).
/// </summary>
public static class SoakReport
{
    public static string Describe(IReadOnlyList<MemorySample> samples)
    {
        var text = new StringBuilder("# soak memory (MiB): service, first-minute mean, last-minute mean, peak, slope over the second half (MiB/min)\n");
        if (samples.Count < 4)
        {
            return text.Append("# too few samples\n").ToString();
        }

        var start = samples[0].At;
        var end = samples[^1].At;
        foreach (var service in samples[0].ResidentMiB.Keys)
        {
            var points = samples.Select(s => (Minutes: (s.At - start).TotalMinutes, MiB: s.ResidentMiB[service])).ToList();
            var first = points.Where(p => p.Minutes <= 1).Average(p => p.MiB);
            var last = points.Where(p => p.Minutes >= (end - start).TotalMinutes - 1).Average(p => p.MiB);
            var half = points.Where(p => p.Minutes >= (end - start).TotalMinutes / 2).ToList();
            text.Append($"{service,-14} {first,8:F0} {last,8:F0} {points.Max(p => p.MiB),8:F0} {Slope(half),8:F2}\n");
        }

        return text.ToString();
    }

    public static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var covariance = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var variance = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return variance == 0 ? 0 : covariance / variance;
    }
}
