namespace SafetyReports.Triage.Transparency.Sealing;

/// <summary>
/// Compares a sealed month as published — its snapshot, then the errata already recorded, in order — with its figures
/// recomputed now, and gives the errata to record: one per value that differs, from the value last published to the new one.
/// </summary>
public static class MonthErrata
{
    /// <summary>What the month publishes now: the sealed values with each recorded erratum applied (null: not listed).</summary>
    public static Dictionary<FigureKey, string?> Published(IReadOnlyDictionary<FigureKey, string> sealedValues, IEnumerable<TransparencyErratum> recorded)
    {
        var published = sealedValues.ToDictionary(v => v.Key, v => (string?)v.Value);
        foreach (var erratum in recorded.OrderBy(e => e.Sequence))
        {
            published[erratum.Key] = erratum.New;
        }

        return published;
    }

    public static IReadOnlyList<TransparencyErratum> Find(
        int month, IReadOnlyDictionary<FigureKey, string> sealedValues, IReadOnlyList<TransparencyErratum> recorded,
        IReadOnlyDictionary<FigureKey, string> recomputed, DateTimeOffset now)
    {
        var published = Published(sealedValues, recorded);
        var sequences = recorded.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Max(e => e.Sequence));
        var found = new List<TransparencyErratum>();
        foreach (var key in published.Keys.Union(recomputed.Keys).OrderBy(k => k.Host ?? "", StringComparer.Ordinal).ThenBy(k => k.Figure, StringComparer.Ordinal))
        {
            var old = published.GetValueOrDefault(key);
            var current = recomputed.GetValueOrDefault(key);
            if (old != current)
            {
                found.Add(new TransparencyErratum(month, key.Host, key.Figure, sequences.GetValueOrDefault(key) + 1, old, current, now));
            }
        }

        return found;
    }
}
