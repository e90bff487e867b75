namespace SafetyReports.Triage.Transparency;

/// <summary>
/// The tallies of the groups of one answer — hosts, or the models of one host — as month cells are added at
/// the answer's moment. The stores feed it cells; recomputing from an audit export feeds it contributions.
/// </summary>
public sealed class TransparencyTallies(DateTimeOffset asOf)
{
    private readonly Dictionary<(string Host, string? Model), CounterTally> _groups = [];

    public DateTimeOffset AsOf { get; } = asOf;

    public IReadOnlyDictionary<(string Host, string? Model), CounterTally> Groups => _groups;

    public void Add(string host, string? model, int month, ReadOnlySpan<byte> cell) =>
        CellsAtMoment.Add(For(host, model), month, cell, AsOf);

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
