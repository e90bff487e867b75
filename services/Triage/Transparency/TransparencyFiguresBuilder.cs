namespace SafetyReports.Triage.Transparency;

/// <summary>Lists the groups that may be shown, computes their figures and orders them: most reports first, then by name.</summary>
public static class TransparencyFiguresBuilder
{
    /// <summary>The threshold at which nothing is withheld and every group with a triaged report is listed: for maintainers, never the public.</summary>
    public const int Unsuppressed = 1;

    public static TransparencyFigures Build(TransparencyTallies tallies, TransparencyPeriod period, TransparencyOptions options, AuditPoint? audit) =>
        Build(tallies, period, options, audit, options.SuppressionThreshold);

    public static TransparencyFigures Build(TransparencyTallies tallies, TransparencyPeriod period, TransparencyOptions options, AuditPoint? audit, int threshold)
    {
        var groups = tallies.Groups
            .Where(g => TransparencyCalculator.IsListed(g.Value, threshold))
            .Select(g => TransparencyCalculator.Compute(g.Key.Host, g.Key.Model, g.Value, threshold))
            .OrderByDescending(g => g.Reports ?? 0)
            .ThenBy(g => g.Host, StringComparer.Ordinal)
            .ThenBy(g => g.Model, StringComparer.Ordinal)
            .ToList();
        return new TransparencyFigures(
            tallies.AsOf,
            TransparencyMonth.Format(period.From),
            TransparencyMonth.Format(period.To),
            threshold,
            (long)options.AcknowledgementSla.TotalSeconds,
            audit,
            groups,
            tallies.Groups.Values.Sum(t => t[new CounterKey(CounterKind.Held, 0)]));
    }
}
