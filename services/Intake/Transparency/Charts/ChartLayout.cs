namespace SafetyReports.Intake.Transparency.Charts;

/// <summary>
/// The shared geometry of the charts, in viewBox units. Narrow on purpose: a phone shows the drawing at about
/// its own size, so labels stay readable; on a wide screen the stylesheet caps how large it grows.
/// </summary>
public static class ChartLayout
{
    public const double Width = 400;
    public const double Margin = 4;
    public const double PlotWidth = Width - 2 * Margin;
    public const double LegendHeight = 26;
    public const double AxisHeight = 24;

    /// <summary>How many characters of a host or model name fit beside its figures; the full name is in the row's tooltip and the table.</summary>
    public const int LabelCharacters = 26;

    /// <summary>At most this many hosts or models are drawn (those with the most reports); the table lists every one.</summary>
    public const int MaxRows = 20;
}
