namespace SafetyReports.Intake.Transparency.Charts;

/// <summary>The words of an <see cref="AcknowledgementChart"/>; <see cref="ShareFormat"/> takes the percentage, e.g. "{0} within".</summary>
public sealed record AcknowledgementLabels(string Title, string Description, string Within, string NotWithin, string ShareFormat, string Withheld);

/// <summary>
/// Per host or model, the share of settled notifications acknowledged within the SLA, as a bar split into
/// within and not within (late or overdue). Drawn from the published share alone, so withheld cells of the
/// split change nothing; a withheld share is said in words.
/// </summary>
public static class AcknowledgementChart
{
    private const double RowHeight = 40;
    private const double BarHeight = 12;

    public static SvgMarkup Build(string id, IReadOnlyList<GroupRow> rows, AcknowledgementLabels labels)
    {
        var drawn = rows.Take(ChartLayout.MaxRows).ToList();
        var height = ChartLayout.LegendHeight + drawn.Count * RowHeight + ChartLayout.AxisHeight;
        var canvas = new SvgCanvas(id, ChartLayout.Width, height, labels.Title, labels.Description);
        const double left = ChartLayout.Margin;
        const double plot = ChartLayout.PlotWidth;

        canvas.BeginDecoration();
        canvas.Rect(left, 6, 14, 10, "chart-within");
        canvas.Text(left + 20, 15, labels.Within, "chart-legend");
        canvas.Rect(left + 170, 6, 14, 10, "chart-not-within");
        canvas.Text(left + 190, 15, labels.NotWithin, "chart-legend");
        canvas.EndGroup();

        var top = ChartLayout.LegendHeight;
        for (var i = 0; i < drawn.Count; i++)
        {
            var row = drawn[i];
            var y = top + i * RowHeight;
            canvas.Text(left, y + 14, DisplayName.Of(row.Name, ChartLayout.LabelCharacters), "chart-label", tooltip: row.Label);
            if (row.Acknowledgement.ShareWithinSla is { } share)
            {
                var text = string.Format(CultureInfo.CurrentCulture, labels.ShareFormat, Percent(share));
                canvas.Text(left + plot, y + 14, text, "chart-value", TextAnchor.End);
                var within = plot * share;
                canvas.Rect(left, y + 20, within, BarHeight, "chart-within", $"{row.Label}: {text}");
                canvas.Rect(left + within, y + 20, plot - within, BarHeight, "chart-not-within", $"{row.Label}: {labels.NotWithin} {Percent(1 - share)}");
            }
            else
            {
                canvas.Text(left, y + 31, labels.Withheld, "chart-note");
            }
        }

        var axisY = top + drawn.Count * RowHeight;
        canvas.BeginDecoration();
        canvas.Line(left, axisY, left + plot, axisY, "chart-axis");
        foreach (var (fraction, anchor) in new[] { (0.0, TextAnchor.Start), (0.5, TextAnchor.Middle), (1.0, TextAnchor.End) })
        {
            canvas.Text(left + plot * fraction, axisY + 16, Percent(fraction), "chart-tick", anchor);
        }

        canvas.EndGroup();
        return canvas.Finish();
    }

    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.CurrentCulture) + CultureInfo.CurrentCulture.NumberFormat.PercentSymbol;
}
