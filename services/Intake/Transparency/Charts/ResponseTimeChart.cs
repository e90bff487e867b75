namespace SafetyReports.Intake.Transparency.Charts;

/// <summary>The words of a <see cref="ResponseTimeChart"/>, in the page's language.</summary>
public sealed record ResponseTimeLabels(string Title, string Description, string Median, string P90, string Withheld, string NoneReached);

/// <summary>
/// How long one step took per host or model: a bar to the median and a whisker on to the 90th percentile, on
/// one time axis. A row whose times are withheld says so in words instead of drawing a bar.
/// </summary>
public static class ResponseTimeChart
{
    private const double RowHeight = 40;
    private const double BarHeight = 12;

    public static SvgMarkup Build(string id, IReadOnlyList<GroupRow> rows, string milestone, ResponseTimeLabels labels)
    {
        var drawn = rows.Take(ChartLayout.MaxRows).ToList();
        var times = drawn.Select(r => r.Times.TryGetValue(milestone, out var t) ? t : null).ToList();
        var scale = AxisScale.ForSeconds(times.Where(t => t is { IsShown: true }).Select(t => (double)t!.P90Seconds!.Value).DefaultIfEmpty(0).Max());
        var height = ChartLayout.LegendHeight + drawn.Count * RowHeight + ChartLayout.AxisHeight;
        var canvas = new SvgCanvas(id, ChartLayout.Width, height, labels.Title, labels.Description);
        const double left = ChartLayout.Margin;
        const double plot = ChartLayout.PlotWidth;

        canvas.BeginDecoration();
        canvas.Rect(left, 6, 14, 10, "chart-median");
        canvas.Text(left + 20, 15, labels.Median, "chart-legend");
        canvas.Line(left + 120, 11, left + 140, 11, "chart-whisker");
        canvas.Line(left + 140, 6, left + 140, 16, "chart-whisker");
        canvas.Text(left + 146, 15, labels.P90, "chart-legend");
        canvas.EndGroup();

        var top = ChartLayout.LegendHeight;
        foreach (var tick in scale.Ticks)
        {
            var x = left + scale.Scale(tick, plot);
            canvas.Line(x, top, x, top + drawn.Count * RowHeight, "chart-grid");
        }

        for (var i = 0; i < drawn.Count; i++)
        {
            var row = drawn[i];
            var time = times[i];
            var y = top + i * RowHeight;
            canvas.Text(left, y + 14, DisplayName.Of(row.Name, ChartLayout.LabelCharacters), "chart-label", tooltip: row.Label);
            if (time is { IsShown: true })
            {
                var median = time.MedianSeconds!.Value;
                var p90 = time.P90Seconds!.Value;
                var summary = $"{labels.Median} {DurationText.Of(median)} · {labels.P90} {DurationText.Of(p90)}";
                canvas.Text(left + plot, y + 14, $"{DurationText.Of(median)} · {DurationText.Of(p90)}", "chart-value", TextAnchor.End);
                var barY = y + 20;
                canvas.Rect(left, barY, Math.Max(1, scale.Scale(median, plot)), BarHeight, "chart-median", $"{row.Label}: {summary}");
                var whiskerEnd = left + scale.Scale(p90, plot);
                canvas.Line(left + scale.Scale(median, plot), barY + BarHeight / 2, whiskerEnd, barY + BarHeight / 2, "chart-whisker");
                canvas.Line(whiskerEnd, barY, whiskerEnd, barY + BarHeight, "chart-whisker");
            }
            else
            {
                var why = time?.Count.Kind == CellKind.None ? labels.NoneReached : labels.Withheld;
                canvas.Text(left, y + 31, why, "chart-note");
            }
        }

        var axisY = top + drawn.Count * RowHeight;
        canvas.BeginDecoration();
        canvas.Line(left, axisY, left + plot, axisY, "chart-axis");
        foreach (var tick in scale.Ticks)
        {
            var x = left + scale.Scale(tick, plot);
            var anchor = tick == 0 ? TextAnchor.Start : tick >= scale.Max ? TextAnchor.End : TextAnchor.Middle;
            canvas.Text(x, axisY + 16, tick == 0 ? "0" : DurationText.Of((long)tick), "chart-tick", anchor);
        }

        canvas.EndGroup();
        return canvas.Finish();
    }
}
