namespace SafetyReports.Triage.Transparency;

/// <summary>Lists the groups that may be shown, computes their figures and orders them: most reports first, then by name.</summary>
public static class TransparencyFiguresBuilder
{
    public static TransparencyFigures Build(TransparencyTallies tallies, TransparencyPeriod period, TransparencyOptions options, AuditPoint? audit)
    {
        var groups = tallies.Groups
            .Where(g => TransparencyCalculator.IsListed(g.Value, options.SuppressionThreshold))
            .Select(g => TransparencyCalculator.Compute(g.Key.Host, g.Key.Model, g.Value, options.SuppressionThreshold))
            .OrderByDescending(g => g.Reports ?? 0)
            .ThenBy(g => g.Host, StringComparer.Ordinal)
            .ThenBy(g => g.Model, StringComparer.Ordinal)
            .ToList();
        return new TransparencyFigures(
            tallies.AsOf,
            TransparencyMonth.Format(period.From),
            TransparencyMonth.Format(period.To),
            options.SuppressionThreshold,
            (long)options.AcknowledgementSla.TotalSeconds,
            audit,
            groups);
    }
}
