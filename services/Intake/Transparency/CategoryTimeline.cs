namespace SafetyReports.Intake.Transparency;

/// <summary>
/// Reports per category and month, summed over the hosts listed for each month (a host is listed in a month
/// only with enough triaged reports in it, so small hosts are missing from these sums). A month whose figures
/// could not be read is <see cref="Unavailable"/>, not empty.
/// </summary>
public sealed class CategoryTimeline
{
    private readonly Dictionary<(string Month, string Category), SummedCell> _cells = [];

    private CategoryTimeline(IReadOnlyList<string> months, IReadOnlyList<string> categories, IReadOnlySet<string> unavailable)
    {
        Months = months;
        Categories = categories;
        Unavailable = unavailable;
    }

    public IReadOnlyList<string> Months { get; }

    public IReadOnlyList<string> Categories { get; }

    public IReadOnlySet<string> Unavailable { get; }

    public SummedCell this[string month, string category] => _cells.TryGetValue((month, category), out var cell) ? cell : default;

    public bool IsEmpty => Months.All(m => Unavailable.Contains(m) || Categories.All(c => this[m, c] == default));

    public SummedCell MonthTotal(string month) => Categories.Aggregate(default(SummedCell), (sum, c) => sum.Add(this[month, c]));

    public SummedCell CategoryTotal(string category) => Months.Aggregate(default(SummedCell), (sum, m) => sum.Add(this[m, category]));

    /// <param name="months">Each month of the period (<c>yyyy-MM</c>) with its hosts' figures, or null when they could not be read.</param>
    public static CategoryTimeline Build(IReadOnlyList<(string Month, PublishedFigures? Figures)> months)
    {
        var categories = Contracts.HazardTaxonomy.Categories.Select(c => c.Code).ToList();
        foreach (var extra in months.SelectMany(m => m.Figures?.Groups ?? []).SelectMany(g => g.ByCategory?.Keys ?? Enumerable.Empty<string>())
                     .Where(k => !categories.Contains(k)).Distinct().Order(StringComparer.Ordinal))
        {
            categories.Add(extra);
        }

        var timeline = new CategoryTimeline(months.Select(m => m.Month).ToList(), categories,
            months.Where(m => m.Figures is null).Select(m => m.Month).ToHashSet());
        foreach (var (month, figures) in months)
        {
            foreach (var group in figures?.Groups ?? [])
            {
                foreach (var (category, count) in group.ByCategory ?? new Dictionary<string, long?>())
                {
                    timeline._cells[(month, category)] = timeline[month, category].Add(FigureCell.Part(count));
                }
            }
        }

        return timeline;
    }
}
