namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>Waits after consecutive failures: <c>first</c>, then doubling, never more than <c>max</c>.</summary>
public sealed class Backoff(TimeSpan first, TimeSpan max)
{
    private readonly TimeSpan _first = first < max ? first : max;
    private TimeSpan? _last;

    /// <summary>The wait after one more failure.</summary>
    public TimeSpan Next()
    {
        _last = _last is { } last ? (last * 2 < max ? last * 2 : max) : _first;
        return _last.Value;
    }

    /// <summary>After a success: the next failure waits <c>first</c> again.</summary>
    public void Reset() => _last = null;
}
