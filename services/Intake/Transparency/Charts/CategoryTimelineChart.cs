namespace SafetyReports.Intake.Transparency.Charts;

/// <summary>The words of a <see cref="CategoryTimelineChart"/>.</summary>
/// <param name="Category">A category code's label.</param>
/// <param name="WithheldMark">The tooltip of the mark over a month with withheld counts (its column is then a lower bound).</param>
public sealed record CategoryTimelineLabels(
    string Title,
    string Description,
    Func<string, string> Category,
    string OtherCategories,
    string WithheldMark,
    string Unavailable);

/// <summary>
/// Reports per month as stacked columns: the <see cref="Series"/> − 1 largest categories of the period and
/// the rest together, each with a legend entry (the table beside the chart has every category). A month with
/// withheld counts gets a "+" mark: its column shows only what was published.
/// </summary>
public static class CategoryTimelineChart
{
    public const int Series = 6;

    private const double AxisLabelWidth = 34;
    private const double PlotHeight = 170;
    private const double LegendRowHeight = 18;

    public static SvgMarkup Build(string id, CategoryTimeline timeline, CategoryTimelineLabels labels)
    {
        var top = timeline.Categories.OrderByDescending(c => timeline.CategoryTotal(c).Known).ThenBy(c => c, StringComparer.Ordinal)
            .Take(Series - 1).Where(c => timeline.CategoryTotal(c).Known > 0).ToList();
        var rest = timeline.Categories.Except(top).ToList();
        var series = top.Select(c => (Label: DisplayName.Of(labels.Category(c)), Categories: (IReadOnlyList<string>)[c])).ToList();
        if (rest.Count > 0)
        {
            series.Add((DisplayName.Of(labels.OtherCategories), rest));
        }

        var legendRows = (series.Count + 1) / 2;
        var legendHeight = legendRows * LegendRowHeight + 8;
        var height = legendHeight + PlotHeight + ChartLayout.AxisHeight + 10;
        var canvas = new SvgCanvas(id, ChartLayout.Width, height, labels.Title, labels.Description);
        var left = ChartLayout.Margin + AxisLabelWidth;
        var plot = ChartLayout.Width - ChartLayout.Margin - left;

        canvas.BeginDecoration();
        for (var s = 0; s < series.Count; s++)
        {
            var x = ChartLayout.Margin + s % 2 * (ChartLayout.PlotWidth / 2);
            var y = s / 2 * LegendRowHeight + 4;
            canvas.Rect(x, y + 2, 12, 10, $"chart-series-{s}");
            canvas.Text(x + 17, y + 11, Shorten(series[s].Label), "chart-legend");
        }

        canvas.EndGroup();

        var months = timeline.Months;
        var totals = months.Select(m => series.Sum(s => s.Categories.Sum(c => timeline[m, c].Known))).ToList();
        var scale = AxisScale.ForCounts(totals.DefaultIfEmpty(0).Max());
        var plotTop = legendHeight + 10;
        var baseline = plotTop + PlotHeight;

        canvas.BeginDecoration();
        foreach (var tick in scale.Ticks)
        {
            var y = baseline - scale.Scale(tick, PlotHeight);
            canvas.Line(left, y, left + plot, y, tick == 0 ? "chart-axis" : "chart-grid");
            canvas.Text(left - 4, y + 4, tick.ToString("N0", CultureInfo.CurrentCulture), "chart-tick", TextAnchor.End);
        }

        canvas.EndGroup();

        var slot = months.Count == 0 ? plot : plot / months.Count;
        var barWidth = Math.Max(1, slot * 0.7);
        for (var m = 0; m < months.Count; m++)
        {
            var month = months[m];
            var x = left + m * slot + (slot - barWidth) / 2;
            var y = baseline;
            if (timeline.Unavailable.Contains(month))
            {
                canvas.Text(x + barWidth / 2, baseline - 4, "?", "chart-note", TextAnchor.Middle, $"{month}: {labels.Unavailable}");
                continue;
            }

            for (var s = 0; s < series.Count; s++)
            {
                var count = series[s].Categories.Sum(c => timeline[month, c].Known);
                if (count == 0)
                {
                    continue;
                }

                var h = scale.Scale(count, PlotHeight);
                y -= h;
                canvas.Rect(x, y, barWidth, h, $"chart-series-{s}", $"{month}, {series[s].Label}: {count.ToString("N0", CultureInfo.CurrentCulture)}");
            }

            if (timeline.MonthTotal(month).WithheldCells > 0)
            {
                canvas.Text(x + barWidth / 2, y - 4, "+", "chart-note", TextAnchor.Middle, $"{month}: {labels.WithheldMark}");
            }
        }

        canvas.BeginDecoration();
        var every = Math.Max(1, (int)Math.Ceiling(months.Count / 6.0));
        for (var m = 0; m < months.Count; m += every)
        {
            canvas.Text(left + m * slot + slot / 2, baseline + 16, MonthLabel(months[m], m == 0 || months.Count > 12), "chart-tick", TextAnchor.Middle);
        }

        canvas.EndGroup();
        return canvas.Finish();
    }

    /// <summary>"Mar" within a short period (with the year at its start and every January), "2026-03" over a long one.</summary>
    public static string MonthLabel(string month, bool withYear)
    {
        if (!DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return month;
        }

        return withYear || start.Month == 1 ? month : start.ToString("MMM", CultureInfo.CurrentCulture);
    }

    private static string Shorten(string label) => DisplayName.Of(label, 28);
}
