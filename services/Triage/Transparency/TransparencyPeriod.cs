namespace SafetyReports.Triage.Transparency;

/// <summary>Whole UTC months, <see cref="From"/> to <see cref="To"/> inclusive, by when reports were received.</summary>
public sealed record TransparencyPeriod(int From, int To)
{
    public int Months => (To / 100 - From / 100) * 12 + To % 100 - From % 100 + 1;

    /// <summary>Parses <c>from</c>/<c>to</c> (<c>yyyy-MM</c>); either may be left out. Errors are keyed by parameter.</summary>
    public static (TransparencyPeriod? Period, Dictionary<string, string[]> Errors) Parse(string? from, string? to, DateTimeOffset now, TransparencyOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        var current = TransparencyMonth.Of(now);
        int? fromMonth = null, toMonth = null;
        if (from is not null)
        {
            if (TransparencyMonth.TryParse(from, out var parsed))
            {
                fromMonth = parsed;
            }
            else
            {
                errors["from"] = ["A month as yyyy-MM, e.g. 2026-01."];
            }
        }

        if (to is not null)
        {
            if (TransparencyMonth.TryParse(to, out var parsed))
            {
                toMonth = parsed;
            }
            else
            {
                errors["to"] = ["A month as yyyy-MM, e.g. 2026-12."];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var end = toMonth ?? (fromMonth is { } f ? Math.Max(f, current) : current);
        var start = fromMonth ?? TransparencyMonth.Add(end, -(options.DefaultMonths - 1));
        var period = new TransparencyPeriod(start, end);
        if (start > end)
        {
            errors["from"] = ["The period starts after it ends."];
        }
        else if (period.Months > options.MaxMonths)
        {
            errors["to"] = [$"A period is at most {options.MaxMonths} months."];
        }

        return errors.Count > 0 ? (null, errors) : (period, errors);
    }
}
