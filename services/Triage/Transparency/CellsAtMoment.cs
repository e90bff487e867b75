namespace SafetyReports.Triage.Transparency;

/// <summary>
/// Adds stored month cells into a tally as they read at a moment: a due acknowledgement becomes overdue or
/// pending, and an open report's day of receipt becomes its age band. Other counters add as they are.
/// </summary>
public static class CellsAtMoment
{
    public static void Add(CounterTally tally, int month, CounterTally cell, DateTimeOffset asOf)
    {
        var monthStart = TransparencyMonth.Start(month);
        foreach (var (encoded, count) in cell.Counts)
        {
            var key = CounterKey.Decode(encoded);
            switch (key.Kind)
            {
                case CounterKind.AcknowledgementDue:
                    var overdue = monthStart.AddHours(key.Index) <= asOf;
                    tally.Add(new CounterKey(overdue ? CounterKind.AcknowledgementOverdue : CounterKind.AcknowledgementPending, 0).Encode(), count);
                    break;
                case CounterKind.OpenReceivedOnDay:
                    var band = OpenAgeBands.Of(monthStart.AddDays(key.Index - 1), asOf);
                    tally.Add(new CounterKey(CounterKind.OpenInAgeBand, band).Encode(), count);
                    break;
                default:
                    tally.Add(encoded, count);
                    break;
            }
        }
    }

    public static void Add(CounterTally tally, int month, ReadOnlySpan<byte> cell, DateTimeOffset asOf) =>
        Add(tally, month, CounterTally.Decode(cell), asOf);
}
