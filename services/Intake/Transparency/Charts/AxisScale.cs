namespace SafetyReports.Intake.Transparency.Charts;

/// <summary>An axis from 0 to a round maximum in round steps, for counts or for durations in seconds.</summary>
public sealed record AxisScale(double Max, double Step)
{
    private static readonly double[] DurationSteps =
    [
        60, 5 * 60, 15 * 60, 30 * 60, 3600, 2 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400, 14 * 86400, 30 * 86400,
        60 * 86400, 90 * 86400, 180 * 86400, 365 * 86400,
    ];

    public IEnumerable<double> Ticks
    {
        get
        {
            for (var tick = 0.0; tick <= Max + Step / 2; tick += Step)
            {
                yield return tick;
            }
        }
    }

    /// <summary>Where <paramref name="value"/> falls on an axis <paramref name="length"/> long.</summary>
    public double Scale(double value, double length) => Max <= 0 ? 0 : Math.Clamp(value / Max, 0, 1) * length;

    public static AxisScale ForCounts(double max, int maxTicks = 5)
    {
        if (max <= 0)
        {
            return new AxisScale(1, 1);
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var factor in new[] { 0.1, 0.2, 0.5, 1, 2, 5, 10 })
        {
            var step = Math.Max(1, magnitude * factor);
            if (Math.Ceiling(max / step) <= maxTicks)
            {
                return new AxisScale(Math.Ceiling(max / step) * step, step);
            }
        }

        return new AxisScale(Math.Ceiling(max / (magnitude * 10)) * magnitude * 10, magnitude * 10);
    }

    public static AxisScale ForSeconds(double max, int maxTicks = 5)
    {
        if (max <= 0)
        {
            return new AxisScale(60, 60);
        }

        foreach (var step in DurationSteps)
        {
            if (Math.Ceiling(max / step) <= maxTicks)
            {
                return new AxisScale(Math.Ceiling(max / step) * step, step);
            }
        }

        var year = DurationSteps[^1];
        var years = Math.Ceiling(max / year / maxTicks) * year;
        return new AxisScale(Math.Ceiling(max / years) * years, years);
    }
}
