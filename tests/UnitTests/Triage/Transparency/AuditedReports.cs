using SafetyReports.Triage.Domain;

namespace SafetyReports.UnitTests.Triage.Transparency;

/// <summary>
/// What a store does with the domain's decisions, in memory: keeps each report as last written and links each
/// audit draft into the chain, which comes back as an export would give it (each entry through its NDJSON line).
/// </summary>
internal sealed class AuditedReports
{
    private readonly Dictionary<Guid, Report> _reports = [];
    private readonly List<AuditEntry> _chain = [];

    public IReadOnlyDictionary<Guid, Report> Reports => _reports;

    public IReadOnlyList<AuditEntry> Export() =>
        _chain.Select(e => AuditExportFormat.Parse(AuditExportFormat.Line(e)) ?? throw new InvalidOperationException("unreadable line")).ToList();

    public Report this[Guid id] => _reports[id];

    /// <summary>The chain's last entry.</summary>
    public AuditEntry Head => _chain[^1];

    public Report Write(Report report, AuditDraft audit)
    {
        _reports[report.Id] = report;
        _chain.Add(AuditChain.Link(audit, _chain.Count + 1, _chain.Count == 0 ? AuditChain.GenesisHash : _chain[^1].Hash));
        return report;
    }

    public Report Write(WorkflowOutcome outcome)
    {
        Assert.Equal(WorkflowOutcomeKind.Applied, outcome.Kind);
        return Write(outcome.Report!, outcome.Audit!);
    }

    public Report Write<TEvent>((Report Report, AuditDraft Audit, TEvent Event)? decision) =>
        decision is { } applied ? Write(applied.Report, applied.Audit) : throw new InvalidOperationException("the move was refused");

    public Report Write((Report Report, AuditDraft Audit)? decision) =>
        decision is { } applied ? Write(applied.Report, applied.Audit) : throw new InvalidOperationException("the move was refused");
}
