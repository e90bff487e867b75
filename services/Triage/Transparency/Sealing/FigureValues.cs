namespace SafetyReports.Triage.Transparency.Sealing;

/// <summary>
/// One published value of a month's figures: a row's figure (<see cref="Host"/> is the row: the host in the hosts answer, the
/// model in one host's per-model answer; null: the whole answer's, such as the held count).
/// </summary>
public sealed record FigureKey(string? Host, string Figure);

/// <summary>
/// The published values of a hosts (or one host's models) answer, flattened to one text per figure: a number as the API
/// writes it (invariant culture), <see cref="Withheld"/> for a withheld one. A row that is not listed has no values at all.
/// </summary>
public static class FigureValues
{
    public const string Withheld = "withheld";

    public static IReadOnlyDictionary<FigureKey, string> Of(TransparencyFigures figures)
    {
        var values = new Dictionary<FigureKey, string>();
        values[new FigureKey(null, "held")] = Text(figures.Held);
        foreach (var group in figures.Groups)
        {
            var row = group.Model ?? group.Host;
            void Add(string figure, long? value) => values[new FigureKey(row, figure)] = Text(value);
            void Share(string figure, double? value) =>
                values[new FigureKey(row, figure)] = value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : Withheld;
            void Cells(string prefix, IReadOnlyDictionary<string, long?> cells)
            {
                foreach (var (name, value) in cells)
                {
                    Add($"{prefix}.{name}", value);
                }
            }

            void Time(string prefix, ResponseTime time)
            {
                Add($"{prefix}.count", time.Count);
                Add($"{prefix}.medianSeconds", time.MedianSeconds);
                Add($"{prefix}.p90Seconds", time.P90Seconds);
            }

            Add("reports", group.Reports);
            Add("triaged", group.Triaged);
            Cells("byStatus", group.ByStatus);
            Cells("byCategory", group.ByCategory);
            Cells("actions", group.Actions);
            Add("automatedResponses", group.AutomatedResponses);
            Time("timeToTriage", group.TimeToTriage);
            Time("timeToNotify", group.TimeToNotify);
            Time("timeToAcknowledge", group.TimeToAcknowledge);
            Time("timeToRespond", group.TimeToRespond);
            Add("acknowledgement.notified", group.Acknowledgement.Notified);
            Add("acknowledgement.withinSla", group.Acknowledgement.WithinSla);
            Add("acknowledgement.late", group.Acknowledgement.Late);
            Add("acknowledgement.overdue", group.Acknowledgement.Overdue);
            Add("acknowledgement.pending", group.Acknowledgement.Pending);
            Share("acknowledgement.shareWithinSla", group.Acknowledgement.ShareWithinSla);
            Add("open", group.Open);
            Cells("openByAge", group.OpenByAge);
            Add("responded", group.Responded);
            Add("contested", group.Contested);
            Share("contestedShare", group.ContestedShare);
        }

        return values;
    }

    private static string Text(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : Withheld;
}
