namespace SafetyReports.Bench.EndToEnd;

/// <summary>Nearest-rank percentiles of a set of durations in milliseconds.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> sortedMs, double percentile)
    {
        if (sortedMs.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sortedMs.Count);
        return sortedMs[Math.Clamp(rank - 1, 0, sortedMs.Count - 1)];
    }
}
