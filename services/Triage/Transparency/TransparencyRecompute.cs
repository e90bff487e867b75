namespace SafetyReports.Triage.Transparency;

/// <summary>
/// The published figures from the facts of every report (as an audit replay gives them), through the same
/// steps as the service: each report's contribution is added, at the answer's moment, to its host's group (or
/// its model's, for one host's models) when its month is in the period; then the groups are listed, computed
/// and ordered by <see cref="TransparencyFiguresBuilder"/>.
/// </summary>
public static class TransparencyRecompute
{
    /// <param name="host">Null for the figures per host; a host for the figures per model of that host.</param>
    public static TransparencyFigures Figures(
        IEnumerable<TransparencyFacts> facts, TransparencyOptions options, TransparencyPeriod period, DateTimeOffset asOf, string? host, AuditPoint? audit)
    {
        var tallies = new TransparencyTallies(asOf);
        foreach (var report in facts)
        {
            if (host is not null && !string.Equals(report.Host, host, StringComparison.Ordinal))
            {
                continue;
            }

            var contribution = TransparencyContribution.For(report, options.AcknowledgementSla);
            if (contribution.Month >= period.From && contribution.Month <= period.To)
            {
                tallies.Add(contribution.Host, host is null ? null : contribution.Model, contribution);
            }
        }

        return TransparencyFiguresBuilder.Build(tallies, period, options, audit);
    }
}
