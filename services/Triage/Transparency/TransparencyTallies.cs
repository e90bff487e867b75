namespace SafetyReports.Triage.Transparency;

/// <summary>
/// The tallies of the groups of one answer — hosts, or the models of one host — as month cells are added at
/// the answer's moment. The stores feed it cells; recomputing from an audit export feeds it contributions.
/// </summary>
public sealed class TransparencyTallies(DateTimeOffset asOf)
{
    private readonly Dictionary<(string Host, string? Model), CounterTally> _groups = [];

    // Stored cells are kept as read and merged per group when the tallies are first asked for (CellMerge).
    private readonly Dictionary<(string Host, string? Model), List<(int Month, byte[] Cell)>> _stored = [];

    public DateTimeOffset AsOf { get; } = asOf;

    public IReadOnlyDictionary<(string Host, string? Model), CounterTally> Groups
    {
        get
        {
            foreach (var (group, cells) in _stored)
            {
                CellMerge.AddTo(For(group.Host, group.Model), cells, AsOf);
            }

            _stored.Clear();
            return _groups;
        }
    }

    /// <summary>A cell in its stored form (see <see cref="CounterTally.Encode"/>); kept until the tallies are asked for.</summary>
    public void Add(string host, string? model, int month, byte[] cell)
    {
        if (!_stored.TryGetValue((host, model), out var cells))
        {
            cells = [];
            _stored[(host, model)] = cells;
        }

        cells.Add((month, cell));
    }

    public void Add(string host, string? model, int month, CounterTally cell) =>
        CellsAtMoment.Add(For(host, model), month, cell, AsOf);

    public void Add(string host, string? model, TransparencyContribution contribution)
    {
        var tally = For(host, model);
        foreach (var key in contribution.Keys)
        {
            CellsAtMoment.Add(tally, contribution.Month, key, 1, AsOf);
        }
    }

    private CounterTally For(string host, string? model)
    {
        if (!_groups.TryGetValue((host, model), out var tally))
        {
            tally = new CounterTally();
            _groups[(host, model)] = tally;
        }

        return tally;
    }
}
