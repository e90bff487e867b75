namespace SafetyReports.Triage.Transparency;

/// <summary>A host's (or one of its models') counters for the reports received in one month, as the stores keep them.</summary>
public sealed record TransparencyCell(string Host, string? Model, int Month, CounterTally Counters);

/// <summary>
/// The published figures from the facts of every report, by the same rules the service applies to its stored
/// cells: each report's contribution is added to its month's cell, and <see cref="Groups"/> — which the service
/// calls on the cells it reads — turns the cells of the period into the groups.
/// </summary>
public static class TransparencyRecompute
{
    /// <param name="host">Null for the figures per host; a host for the figures per model of that host.</param>
    public static TransparencyFigures Figures(
        IEnumerable<TransparencyFacts> facts, TransparencyOptions options, TransparencyPeriod period, DateTimeOffset asOf, string? host, AuditPoint? audit) =>
        new(asOf,
            TransparencyMonth.Format(period.From),
            TransparencyMonth.Format(period.To),
            options.SuppressionThreshold,
            (long)options.AcknowledgementSla.TotalSeconds,
            audit,
            Groups(Cells(facts, options.AcknowledgementSla, period, host), options.SuppressionThreshold, asOf));

    /// <summary>The cells of the period: per host (<paramref name="host"/> null) or per model of one host.</summary>
    public static IEnumerable<TransparencyCell> Cells(IEnumerable<TransparencyFacts> facts, TimeSpan acknowledgementSla, TransparencyPeriod period, string? host)
    {
        var cells = new Dictionary<(string Host, string? Model, int Month), CounterTally>();
        foreach (var report in facts)
        {
            if (host is not null && !string.Equals(report.Host, host, StringComparison.Ordinal))
            {
                continue;
            }

            var contribution = TransparencyContribution.For(report, acknowledgementSla);
            if (contribution.Month < period.From || contribution.Month > period.To)
            {
                continue;
            }

            var key = (contribution.Host, host is null ? null : contribution.Model, contribution.Month);
            if (!cells.TryGetValue(key, out var cell))
            {
                cells[key] = cell = new CounterTally();
            }

            cell.Add(contribution.Keys, 1);
        }

        return cells.Select(c => new TransparencyCell(c.Key.Host, c.Key.Model, c.Key.Month, c.Value));
    }

    /// <summary>
    /// The groups from the cells of a period read at <paramref name="asOf"/>: only those listed, most reports first,
    /// then by host and model (ordinal).
    /// </summary>
    public static IReadOnlyList<GroupFigures> Groups(IEnumerable<TransparencyCell> cells, int threshold, DateTimeOffset asOf)
    {
        var tallies = new Dictionary<(string Host, string? Model), CounterTally>();
        foreach (var cell in cells)
        {
            if (!tallies.TryGetValue((cell.Host, cell.Model), out var tally))
            {
                tallies[(cell.Host, cell.Model)] = tally = new CounterTally();
            }

            CellsAtMoment.Add(tally, cell.Month, cell.Counters, asOf);
        }

        return tallies
            .Where(t => TransparencyCalculator.IsListed(t.Value, threshold))
            .OrderByDescending(t => t.Value[new CounterKey(CounterKind.Reports, 0)])
            .ThenBy(t => t.Key.Host, StringComparer.Ordinal)
            .ThenBy(t => t.Key.Model, StringComparer.Ordinal)
            .Select(t => TransparencyCalculator.Compute(t.Key.Host, t.Key.Model, t.Value, threshold))
            .ToList();
    }
}
