namespace SafetyReports.Triage.Transparency;

/// <summary>
/// What a set of contributions changes in the stored cells: each contribution counts in its host's month
/// cell and in its model's month cell (model null is the host's cell).
/// </summary>
public sealed class CellDeltas
{
    public Dictionary<(string Host, string? Model, int Month), CounterTally> Cells { get; } = [];

    public void Add(TransparencyContribution contribution, int sign)
    {
        foreach (var model in new[] { null, contribution.Model })
        {
            var cell = (contribution.Host, model, contribution.Month);
            if (!Cells.TryGetValue(cell, out var tally))
            {
                tally = new CounterTally();
                Cells[cell] = tally;
            }

            tally.Add(contribution.Keys, sign);
        }
    }

    /// <summary>Taking <paramref name="previous"/> away and adding <paramref name="next"/>; empty when they are the same.</summary>
    public static CellDeltas Moving(TransparencyContribution? previous, TransparencyContribution next)
    {
        var deltas = new CellDeltas();
        if (next.SameAs(previous))
        {
            return deltas;
        }

        if (previous is not null)
        {
            deltas.Add(previous, -1);
        }

        deltas.Add(next, 1);
        return deltas;
    }
}
