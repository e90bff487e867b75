namespace SafetyReports.Intake.Transparency;

/// <summary>
/// A sum of published cells (one category over the hosts listed in a month): what was shown, and how many
/// cells were withheld. With any withheld the true sum is larger than <see cref="Known"/>, never smaller.
/// </summary>
public readonly record struct SummedCell(long Known, int WithheldCells)
{
    public SummedCell Add(FigureCell cell) => cell.HasValue ? this with { Known = Known + cell.Value } : this with { WithheldCells = WithheldCells + 1 };

    public SummedCell Add(SummedCell other) => new(Known + other.Known, WithheldCells + other.WithheldCells);

    public bool IsWhollyWithheld => Known == 0 && WithheldCells > 0;

    public string Number => Known.ToString("N0", CultureInfo.CurrentCulture);
}
