namespace SafetyReports.Intake.Transparency;

/// <summary>The figures of one period as the page shows them: hosts (or one host's models), most reports first.</summary>
public sealed record FiguresView(
    string From,
    string To,
    DateTimeOffset AsOf,
    int SuppressionThreshold,
    long AcknowledgementSlaSeconds,
    PublishedAuditPoint? Audit,
    IReadOnlyList<GroupRow> Rows,
    long Held = 0,
    DateTimeOffset? SealedAt = null,
    IReadOnlyList<PublishedErratum>? Errata = null)
{
    public static FiguresView Of(PublishedFigures figures, bool byModel) => new(
        figures.From,
        figures.To,
        figures.AsOf,
        figures.SuppressionThreshold,
        figures.AcknowledgementSlaSeconds,
        figures.Audit,
        figures.Groups
            .Where(g => g is not null && (byModel ? g.Model is not null : g.Host is not null))
            .Select(g => GroupRow.From(g, byModel))
            .OrderByDescending(r => r.Reports.SortKey)
            .ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList(),
        figures.Held,
        figures.SealedAt,
        figures.Errata?.Where(e => e is not null).ToList() ?? []);

    public bool IsEmpty => Rows.Count == 0;

    /// <summary>The categories to show: every one of the taxonomy, then any other code Triage sent.</summary>
    public IReadOnlyList<string> Categories =>
        [.. Contracts.HazardTaxonomy.Categories.Select(c => c.Code)
            .Concat(Rows.SelectMany(r => r.ByCategory.Keys).Where(k => !Contracts.HazardTaxonomy.IsKnown(k)).Distinct().Order(StringComparer.Ordinal))];
}
