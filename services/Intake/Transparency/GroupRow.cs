namespace SafetyReports.Intake.Transparency;

/// <summary>One host (or one model of a host) as the page's tables and charts show it.</summary>
/// <param name="Name">The name exactly as Triage has it: for links and downloads, never shown as is.</param>
/// <param name="Label">The name as shown (<see cref="DisplayName"/>).</param>
public sealed record GroupRow(
    string Name,
    string Label,
    FigureCell Reports,
    FigureCell Triaged,
    FigureCell Open,
    IReadOnlyDictionary<string, FigureCell> ByStatus,
    IReadOnlyDictionary<string, FigureCell> ByCategory,
    IReadOnlyDictionary<string, FigureCell> Actions,
    IReadOnlyDictionary<string, TimeCell> Times,
    AcknowledgementRow Acknowledgement,
    ContestRow Contests)
{
    public static GroupRow From(PublishedGroup group, bool byModel)
    {
        var name = byModel ? group.Model ?? "" : group.Host;
        return new GroupRow(
            name,
            DisplayName.Of(name),
            FigureCell.Total(group.Reports),
            FigureCell.Total(group.Triaged),
            FigureCell.Total(group.Open),
            Parts(group.ByStatus),
            Parts(group.ByCategory),
            Parts(group.Actions),
            new Dictionary<string, TimeCell>
            {
                [Milestone.Triage] = TimeCell.From(group.TimeToTriage),
                [Milestone.Notify] = TimeCell.From(group.TimeToNotify),
                [Milestone.Acknowledge] = TimeCell.From(group.TimeToAcknowledge),
                [Milestone.Respond] = TimeCell.From(group.TimeToRespond),
            },
            AcknowledgementRow.From(group.Acknowledgement),
            ContestRow.From(group));
    }

    /// <summary>A breakdown's cell; a key Triage did not send counts as withheld rather than as 0.</summary>
    public FigureCell Cell(IReadOnlyDictionary<string, FigureCell> breakdown, string key) =>
        breakdown.TryGetValue(key, out var cell) ? cell : new FigureCell(CellKind.Withheld, 0);

    private static Dictionary<string, FigureCell> Parts(IReadOnlyDictionary<string, long?>? breakdown) =>
        (breakdown ?? new Dictionary<string, long?>()).ToDictionary(p => p.Key, p => FigureCell.Part(p.Value), StringComparer.Ordinal);
}

/// <summary>Acknowledgement within the SLA: the settled reports split three ways, and the share within.</summary>
public sealed record AcknowledgementRow(FigureCell Notified, FigureCell WithinSla, FigureCell Late, FigureCell Overdue, FigureCell Pending, double? ShareWithinSla)
{
    public static AcknowledgementRow From(PublishedAcknowledgement? a) => a is null
        ? new AcknowledgementRow(FigureCell.Total(null), FigureCell.Part(null), FigureCell.Part(null), FigureCell.Part(null), FigureCell.Total(null), null)
        : new AcknowledgementRow(FigureCell.Total(a.Notified), FigureCell.Part(a.WithinSla), FigureCell.Part(a.Late), FigureCell.Part(a.Overdue),
            FigureCell.Total(a.Pending), a.ShareWithinSla is >= 0 and <= 1 ? a.ShareWithinSla : null);
}

/// <summary>
/// The host's responses and how many of them the reporter contested. Triage from before contests sends neither count:
/// both are then withheld rather than shown as 0.
/// </summary>
public sealed record ContestRow(FigureCell Responded, FigureCell Contested, double? ContestedShare)
{
    public static ContestRow From(PublishedGroup group) => new(
        FigureCell.Total(group.Responded),
        FigureCell.Total(group.Contested),
        group.ContestedShare is >= 0 and <= 1 ? group.ContestedShare : null);
}
