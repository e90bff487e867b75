namespace SafetyReports.Triage.Transparency;

/// <summary>
/// Turns the counters of a host or a model over a period into its published figures, withholding every count
/// from 1 to one below the threshold and, where a breakdown adds up to a shown total with exactly one withheld
/// cell, its smallest other non-zero cell too (so the withheld one cannot be worked out by subtraction).
/// </summary>
public static class TransparencyCalculator
{
    /// <summary>A host or model is listed only when this many of its reports in the period were triaged by a maintainer:
    /// names come from reporters, and a name nobody vetted must not reach the public page.</summary>
    public static bool IsListed(CounterTally tally, int threshold) => tally[new CounterKey(CounterKind.Triaged, 0)] >= threshold;

    public static GroupFigures Compute(string host, string? model, CounterTally tally, int threshold)
    {
        long Count(CounterKind kind, int index = 0) => tally[new CounterKey(kind, index)];
        long? Withhold(long count) => count > 0 && count < threshold ? null : count;

        var reports = Count(CounterKind.Reports);
        var open = tally.OfKind(CounterKind.OpenInAgeBand).Sum(c => c.Count);
        var responded = tally.OfKind(CounterKind.Action).Sum(c => c.Count);
        var contested = Count(CounterKind.Contested);
        var within = Count(CounterKind.AcknowledgedWithinSla);
        var late = Count(CounterKind.AcknowledgedLate);
        var overdue = Count(CounterKind.AcknowledgementOverdue);
        var settled = within + late + overdue;
        var acknowledgement = Breakdown(settled, [("within", within), ("late", late), ("overdue", overdue)], threshold);

        return new GroupFigures(
            host,
            model,
            Withhold(reports),
            Withhold(Count(CounterKind.Triaged)),
            Breakdown(reports, ReportStatuses.All.Select((s, i) => (s, Count(CounterKind.Status, i))).ToList(), threshold),
            Breakdown(reports, HazardTaxonomy.Categories.Select((c, i) => (c.Code, Count(CounterKind.Category, i))).ToList(), threshold),
            Breakdown(responded, HostResponseActions.All.Select((a, i) => (a, Count(CounterKind.Action, i))).ToList(), threshold),
            Withhold(Count(CounterKind.AutomatedResponse)),
            Times(tally, CounterKind.TimeToTriage, threshold),
            Times(tally, CounterKind.TimeToNotify, threshold),
            Times(tally, CounterKind.TimeToAcknowledge, threshold),
            Times(tally, CounterKind.TimeToRespond, threshold),
            new AcknowledgementFigures(
                Withhold(Count(CounterKind.Notified)),
                acknowledgement["within"],
                acknowledgement["late"],
                acknowledgement["overdue"],
                Withhold(Count(CounterKind.AcknowledgementPending)),
                settled >= threshold && settled > 0 ? Math.Round((double)within / settled, 4) : null),
            Withhold(open),
            Breakdown(open, OpenAgeBands.All.Select((b, i) => (b.Name, tally[new CounterKey(CounterKind.OpenInAgeBand, i)])).ToList(), threshold),
            Withhold(responded),
            Withhold(contested),
            Withhold(responded) > 0 && Withhold(contested) is not null ? Math.Round((double)contested / responded, 4) : null);
    }

    /// <summary>The cells of a breakdown of <paramref name="total"/>, withheld as described on the class.</summary>
    public static IReadOnlyDictionary<string, long?> Breakdown(long total, IReadOnlyList<(string Name, long Count)> cells, int threshold)
    {
        var withheld = cells.Select(c => c.Count > 0 && c.Count < threshold).ToArray();
        var totalShown = !(total > 0 && total < threshold);
        if (totalShown && withheld.Count(w => w) == 1)
        {
            var smallest = -1;
            for (var i = 0; i < cells.Count; i++)
            {
                if (!withheld[i] && cells[i].Count > 0 && (smallest < 0 || cells[i].Count < cells[smallest].Count))
                {
                    smallest = i;
                }
            }

            if (smallest >= 0)
            {
                withheld[smallest] = true;
            }
        }

        var result = new Dictionary<string, long?>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            result[cells[i].Name] = withheld[i] ? null : cells[i].Count;
        }

        return result;
    }

    private static ResponseTime Times(CounterTally tally, CounterKind kind, int threshold)
    {
        var histogram = tally.OfKind(kind).ToList();
        var count = histogram.Sum(h => h.Count);
        if (count == 0)
        {
            return new ResponseTime(0, null, null);
        }

        if (count < threshold)
        {
            return new ResponseTime(null, null, null);
        }

        return new ResponseTime(count, Percentile(histogram, count, 0.5) * 60, Percentile(histogram, count, 0.9) * 60);
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="fraction"/> of the values at or below it.</summary>
    public static long Percentile(IReadOnlyList<(int Minutes, long Count)> histogram, long count, double fraction)
    {
        var rank = (long)Math.Ceiling(fraction * count);
        var seen = 0L;
        foreach (var (minutes, n) in histogram)
        {
            seen += n;
            if (seen >= rank)
            {
                return minutes;
            }
        }

        return histogram[^1].Minutes;
    }
}
