namespace SafetyReports.Triage.Storage;

/// <summary>
/// The SQLite search table's row key for a report: received time in milliseconds times 2^20, plus the
/// first 20 bits of the id as the id's text sorts. Keys therefore sort as the queue's received order
/// (time, then id), so a search can walk the search table newest or oldest first and stop after a page.
/// Two reports in the same millisecond with the same 20-bit prefix take the next free key.
/// </summary>
public static class SearchKey
{
    private const long Spread = 1 << 20;

    /// <summary>Keys stay in a long's range for received times within ±278 years of 1970.</summary>
    private const long MaxMs = long.MaxValue / Spread - 1;

    public static long For(DateTimeOffset receivedAt, Guid id) =>
        receivedAt.ToUnixTimeMilliseconds() * Spread + Convert.ToInt64(id.ToString("N")[..5], 16);

    /// <summary>The smallest key of a received millisecond (clamped to the keys' range): where a walk from that time starts.</summary>
    public static long Start(long receivedMs) => Math.Clamp(receivedMs, -MaxMs, MaxMs) * Spread;
}
