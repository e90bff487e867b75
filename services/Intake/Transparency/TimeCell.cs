namespace SafetyReports.Intake.Transparency;

/// <summary>The median and 90th percentile of one milestone (time to triage, notify, acknowledge, respond).</summary>
public sealed record TimeCell(FigureCell Count, long? MedianSeconds, long? P90Seconds)
{
    public static TimeCell From(PublishedResponseTime? time) => time is null
        ? new TimeCell(new FigureCell(CellKind.Withheld, 0), null, null)
        : new TimeCell(time.Count == 0 ? new FigureCell(CellKind.None, 0) : FigureCell.Total(time.Count), time.MedianSeconds, time.P90Seconds);

    /// <summary>Both percentiles are published (enough reports reached the milestone).</summary>
    public bool IsShown => MedianSeconds is not null && P90Seconds is not null;
}
