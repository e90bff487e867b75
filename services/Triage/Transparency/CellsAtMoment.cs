namespace SafetyReports.Triage.Transparency;

/// <summary>
/// Adds stored month cells into a tally as they read at a moment: a due acknowledgement becomes overdue or
/// pending, and an open report's day of receipt becomes its age band. Other counters add as they are.
/// </summary>
public static class CellsAtMoment
{
    public static void Add(CounterTally tally, int month, int encodedKey, long count, DateTimeOffset asOf)
    {
        if (!IsTimeDependent(encodedKey))
        {
            tally.Add(encodedKey, count);
            return;
        }

        var key = CounterKey.Decode(encodedKey);
        switch (key.Kind)
        {
            case CounterKind.AcknowledgementDue:
                var overdue = TransparencyMonth.Start(month).AddHours(key.Index) <= asOf;
                tally.Add(new CounterKey(overdue ? CounterKind.AcknowledgementOverdue : CounterKind.AcknowledgementPending, 0).Encode(), count);
                break;
            case CounterKind.OpenReceivedOnDay:
                var band = OpenAgeBands.Of(TransparencyMonth.Start(month).AddDays(key.Index - 1), asOf);
                tally.Add(new CounterKey(CounterKind.OpenInAgeBand, band).Encode(), count);
                break;
            default:
                tally.Add(encodedKey, count);
                break;
        }
    }

    private static readonly int FirstTimeDependent = new CounterKey(CounterKind.AcknowledgementDue, 0).Encode();
    private static readonly int AfterTimeDependent = new CounterKey(CounterKind.OpenReceivedOnDay + 1, 0).Encode();

    /// <summary>The two stored kinds that read differently at different moments (they are adjacent in the key order).</summary>
    private static bool IsTimeDependent(int encodedKey) => encodedKey >= FirstTimeDependent && encodedKey < AfterTimeDependent;

    /// <summary>Where the time-dependent counters are in a key-sorted run: [start, end).</summary>
    public static (int Start, int End) TimeDependentRange((int Key, long Count)[] sorted)
    {
        var start = LowerBound(sorted, FirstTimeDependent);
        return (start, LowerBound(sorted, AfterTimeDependent, start));
    }

    private static int LowerBound((int Key, long Count)[] sorted, int key, int from = 0)
    {
        int low = from, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle].Key < key)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    public static void Add(CounterTally tally, int month, CounterTally cell, DateTimeOffset asOf)
    {
        foreach (var (key, count) in cell.Counts)
        {
            Add(tally, month, key, count, asOf);
        }
    }
}
