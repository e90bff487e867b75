namespace SafetyReports.Triage.Transparency;

/// <summary>
/// The counters a report adds to its host's and its model's month, as integers: a kind in the high byte and
/// an index below it (a status, a category, a duration in minutes, a day of the month, an hour after the
/// month's start). Integers keep a month's counters a few kilobytes, so a year of 200 hosts adds up quickly.
/// </summary>
public readonly record struct CounterKey(CounterKind Kind, int Index)
{
    private const int IndexBits = 24;
    public const int MaxIndex = (1 << IndexBits) - 1;

    public int Encode() => ((int)Kind << IndexBits) | Math.Clamp(Index, 0, MaxIndex);

    public static CounterKey Decode(int value) => new((CounterKind)(value >>> IndexBits), value & MaxIndex);

    public static CounterKey Status(string status) => new(CounterKind.Status, IndexOf(ReportStatuses.All, status));

    public static CounterKey Category(string category) =>
        new(CounterKind.Category, IndexOf(HazardTaxonomy.Categories.Select(c => c.Code).ToList(), category));

    public static CounterKey Action(string action) => new(CounterKind.Action, IndexOf(HostResponseActions.All, action));

    public static CounterKey Duration(TransparencyMetric metric, TimeSpan duration) =>
        new(CounterKind.TimeToTriage + (int)metric, DurationResolution.ToMinutes(duration));

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

public enum CounterKind
{
    Reports = 1,
    Status = 2,
    Category = 3,
    Action = 4,
    AutomatedResponse = 5,
    Triaged = 6,
    Notified = 7,
    TimeToTriage = 8,
    TimeToNotify = 9,
    TimeToAcknowledge = 10,
    TimeToRespond = 11,
    AcknowledgedWithinSla = 12,
    AcknowledgedLate = 13,

    /// <summary>Notified, not acknowledged; the index is the hour after the month's start by which it should have been.</summary>
    AcknowledgementDue = 14,

    /// <summary>Still open; the index is the day of the month it was received.</summary>
    OpenReceivedOnDay = 15,

    // Derived when cells are read at a moment (never stored): whether a due acknowledgement is overdue, and open reports' age band.
    AcknowledgementOverdue = 16,
    AcknowledgementPending = 17,
    OpenInAgeBand = 18,

    /// <summary>The host responded and the reporter contested a response (one per report, however many contests).</summary>
    Contested = 19,

    /// <summary>Held out of every other counter as part of a burst, until a maintainer confirms it.</summary>
    Held = 20,
}
