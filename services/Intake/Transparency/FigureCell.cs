namespace SafetyReports.Intake.Transparency;

public enum CellKind
{
    Value,

    /// <summary>A total withheld because it was below the suppression threshold.</summary>
    FewerThan,

    /// <summary>
    /// A cell of a breakdown withheld: below the threshold, or a larger one withheld so that a withheld
    /// neighbour cannot be worked out by subtraction. Never shown as "fewer than N": it may not be.
    /// </summary>
    Withheld,

    /// <summary>Nothing to measure (no report reached the milestone).</summary>
    None,
}

/// <summary>One published figure as a table cell or chart value: a number, or why there is none. Withheld is never 0.</summary>
public readonly record struct FigureCell(CellKind Kind, long Value)
{
    public static FigureCell Total(long? value) => value is { } v ? new(CellKind.Value, v) : new(CellKind.FewerThan, 0);

    public static FigureCell Part(long? value) => value is { } v ? new(CellKind.Value, v) : new(CellKind.Withheld, 0);

    public bool HasValue => Kind == CellKind.Value;

    /// <summary>The number for sorting and charts; withheld and missing cells sort below every shown one.</summary>
    public long SortKey => HasValue ? Value : -1;

    public string Number => Value.ToString("N0", CultureInfo.CurrentCulture);
}
