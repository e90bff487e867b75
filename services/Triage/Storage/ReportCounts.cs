using SafetyReports.Contracts;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// How many reports match the queue's filters, per status (every status, zeros included). With a search
/// term, counting stops at <see cref="ReportQuery.CountCap"/> matching reports: when the total reaches it,
/// <see cref="Capped"/> is true and every count is a lower bound (the portal shows "10000+").
/// </summary>
public sealed record ReportCounts(IReadOnlyDictionary<string, long> Counts, long Total, bool Capped = false)
{
    /// <summary>The default cap of counts with a search term: counting visits each match, ~2.5 µs apiece on SQLite.</summary>
    public const int SearchCap = 10_000;

    public static ReportCounts From(IEnumerable<(string Status, long Count)> rows, int? cap = null)
    {
        var counts = ReportStatuses.All.ToDictionary(s => s, _ => 0L);
        foreach (var (status, count) in rows)
        {
            counts[status] = counts.GetValueOrDefault(status) + count;
        }

        var total = counts.Values.Sum();
        return new ReportCounts(counts, total, cap is { } limit && total >= limit);
    }
}
