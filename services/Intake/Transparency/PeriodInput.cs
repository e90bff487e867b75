namespace SafetyReports.Intake.Transparency;

/// <summary>
/// The period filter as typed (<c>from</c>/<c>to</c>, <c>yyyy-MM</c>, either may be empty). Only the form is
/// checked here; how long a period may be is Triage's rule, and its refusal is shown as it comes.
/// </summary>
public sealed record PeriodInput(string? From, string? To, IReadOnlyList<PeriodError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static PeriodInput Parse(string? from, string? to)
    {
        var errors = new List<PeriodError>();
        var fromMonth = Month(from, "from", errors);
        var toMonth = Month(to, "to", errors);
        if (fromMonth is not null && toMonth is not null && string.CompareOrdinal(fromMonth, toMonth) > 0)
        {
            errors.Add(new PeriodError("from", PeriodErrorKind.StartsAfterEnd));
        }

        return new PeriodInput(fromMonth, toMonth, errors);
    }

    /// <summary>A month as <c>yyyy-MM</c> from the year 2000 on: what Triage accepts.</summary>
    public static bool IsMonth(string text) =>
        text.Length == 7 && DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year >= 2000;

    /// <summary>Every month from <paramref name="from"/> to <paramref name="to"/> (both <c>yyyy-MM</c>), oldest first.</summary>
    public static IReadOnlyList<string> MonthsBetween(string from, string to)
    {
        var months = new List<string>();
        if (!IsMonth(from) || !IsMonth(to))
        {
            return months;
        }

        var end = DateTime.ParseExact(to, "yyyy-MM", CultureInfo.InvariantCulture);
        for (var month = DateTime.ParseExact(from, "yyyy-MM", CultureInfo.InvariantCulture); month <= end; month = month.AddMonths(1))
        {
            months.Add(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }

        return months;
    }

    private static string? Month(string? text, string field, List<PeriodError> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (IsMonth(trimmed))
        {
            return trimmed;
        }

        errors.Add(new PeriodError(field, PeriodErrorKind.NotAMonth));
        return null;
    }
}

public enum PeriodErrorKind
{
    NotAMonth,
    StartsAfterEnd,
}

/// <summary>What is wrong with one field of the period filter (<c>from</c> or <c>to</c>).</summary>
public sealed record PeriodError(string Field, PeriodErrorKind Kind);
