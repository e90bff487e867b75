namespace SafetyReports.Intake.AntiAbuse;

/// <summary>
/// The windows in this process's memory: the default, right for one process (Standalone, SQLite). Ended windows
/// are dropped as time passes, so memory stays bounded by the clients of the last window.
/// </summary>
public sealed class InMemoryRateCounterStore : IRateCounterStore
{
    private readonly Dictionary<string, ClientWindow> _windows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _windows.Count;
            }
        }
    }

    public Task<WindowAnswer> TryCountAsync(string key, int limit, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Sweep(now, window);
            var (next, counted) = ClientWindowRule.Apply(_windows.GetValueOrDefault(key), limit, now, window);
            _windows[key] = next;
            return Task.FromResult(new WindowAnswer(counted, next.Start));
        }
    }

    private void Sweep(DateTimeOffset now, TimeSpan window)
    {
        if (now < _nextSweep)
        {
            return;
        }

        foreach (var ended in _windows.Where(w => ClientWindowRule.HasEnded(w.Value, now, window)).Select(w => w.Key).ToList())
        {
            _windows.Remove(ended);
        }

        _nextSweep = now + window;
    }
}
