namespace SafetyReports.Intake.Transparency;

/// <summary>What a table cell says, in the page's language: a number, "fewer than N", "withheld" or "none" — never 0 for a withheld count.</summary>
public sealed class CellWords(IStringLocalizer<TransparencyText> text, int threshold)
{
    public string Of(FigureCell cell) => cell.Kind switch
    {
        CellKind.Value => cell.Number,
        CellKind.FewerThan => text["Cell_FewerThan", threshold],
        CellKind.None => text["Cell_None"],
        _ => text["Cell_Withheld"],
    };

    public string Of(SummedCell cell) => cell.WithheldCells == 0
        ? cell.Number
        : cell.Known == 0 ? text["Cell_Withheld"] : text["Summed_WithWithheld", cell.Number];

    /// <summary>A median or percentile: the duration, or why there is none.</summary>
    public string Duration(TimeCell time, long? seconds) => seconds is { } s
        ? DurationText.Of(s)
        : time.Count.Kind == CellKind.None ? text["Cell_None"] : text["Cell_Withheld"];

    public string Share(double? share) => share is { } s ? Charts.AcknowledgementChart.Percent(s) : text["Cell_Withheld"];

    /// <summary>A share of <paramref name="of"/>: "none" when there was nothing to share out (a total of 0), not "withheld".</summary>
    public string Share(double? share, FigureCell of) =>
        share is null && of is { Kind: CellKind.Value, Value: 0 } ? text["Cell_None"] : Share(share);
}
