namespace SafetyReports.ServiceDefaults.Storage;

/// <summary>
/// A store that sets aside rows it cannot read (kept for an operator, counted) instead of stopping on them. The readiness
/// check reports the counts (<see cref="StoreHealthCheck{TStore}"/>), so a quarantined row is visible without holding up
/// what comes after it.
/// </summary>
public interface IQuarantineCounts
{
    /// <summary>How many rows are set aside, by what they are (<c>outbox</c>, <c>submissions</c>).</summary>
    Task<IReadOnlyDictionary<string, long>> CountQuarantinedAsync(CancellationToken cancellationToken);
}

public static class QuarantineCounts
{
    /// <summary>A store's counts: its quarantined outbox rows, and whatever else it sets aside.</summary>
    public static IReadOnlyDictionary<string, long> Of(long outbox, params (string Kind, long Count)[] others)
    {
        var counts = new Dictionary<string, long> { [IOutboxStore.QuarantinedOutbox] = outbox };
        foreach (var (kind, count) in others)
        {
            counts[kind] = count;
        }

        return counts;
    }
}
