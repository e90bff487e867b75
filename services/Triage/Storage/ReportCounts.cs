namespace SafetyReports.Triage.Storage;

/// <summary>
/// How many reports match the queue's filters, per status (every status, zeros included). With a search
/// term, counting looks at no more than <see cref="ReportQuery.CountCap"/> reports holding the words (the
/// newest on SQLite) and applies the other filters to those: when the words have that many reports,
/// <see cref="Capped"/> is true and every count is a lower bound (the portal shows "10000+").
/// </summary>
public sealed record ReportCounts(IReadOnlyDictionary<string, long> Counts, long Total, bool Capped = false)
{
    /// <summary>The default cap of counts with a search term: counting visits each match, ~2.5 µs apiece on SQLite.</summary>
    public const int SearchCap = 10_000;

    /// <param name="rows">Counts per status; a null status counts reports looked at that the other filters dropped.</param>
    /// <param name="cap">With a search term, the cap it was counted with.</param>
    public static ReportCounts From(IEnumerable<(string? Status, long Count)> rows, int? cap = null)
    {
        var counts = ReportStatuses.All.ToDictionary(s => s, _ => 0L);
        var seen = 0L;
        foreach (var (status, count) in rows)
        {
            seen += count;
            if (status is not null)
            {
                counts[status] = counts.GetValueOrDefault(status) + count;
            }
        }

        return new ReportCounts(counts, counts.Values.Sum(), cap is { } limit && seen >= limit);
    }
}
