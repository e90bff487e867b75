using SafetyReports.Contracts;

namespace SafetyReports.Triage.Storage;

/// <summary>How many reports match the queue's filters, per status (every status, zeros included).</summary>
public sealed record ReportCounts(IReadOnlyDictionary<string, long> Counts, long Total)
{
    public static ReportCounts From(IEnumerable<(string Status, long Count)> rows)
    {
        var counts = ReportStatuses.All.ToDictionary(s => s, _ => 0L);
        foreach (var (status, count) in rows)
        {
            counts[status] = counts.GetValueOrDefault(status) + count;
        }

        return new ReportCounts(counts, counts.Values.Sum());
    }
}
