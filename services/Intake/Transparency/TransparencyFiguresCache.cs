using System.Collections.Concurrent;

namespace SafetyReports.Intake.Transparency;

/// <summary>
/// Keeps Triage's answers briefly so the public page cannot be used to hammer Triage: identical queries
/// share one call (also while it is in flight), at most <see cref="MaxConcurrentCalls"/> calls run at once,
/// and the number of cached queries is bounded. A failure is kept for a shorter time, so an outage is
/// neither hammered nor remembered long after Triage is back; so is a report's leaves without its <c>received</c> leaf, so a
/// reporter who looks right after submitting sees the leaf within seconds of Triage storing the report, not a minute later.
/// </summary>
public sealed class TransparencyFiguresCache(TransparencyApiClient client, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan FailureLifetime = TimeSpan.FromSeconds(10);
    public const int MaxEntries = 2000;
    public const int MaxConcurrentCalls = 4;

    private readonly ConcurrentDictionary<TransparencyQuery, Entry> _entries = new();
    private readonly SemaphoreSlim _calls = new(MaxConcurrentCalls);
    private readonly Lock _gate = new();

    public int Count => _entries.Count;

    public Task<TransparencyAnswer> GetAsync(TransparencyQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!_entries.TryGetValue(query, out var entry) || entry.IsExpired(now))
        {
            lock (_gate)
            {
                if (!_entries.TryGetValue(query, out entry) || entry.IsExpired(now))
                {
                    MakeRoom(now);
                    entry = new Entry(query, FetchAsync(query), now);
                    _entries[query] = entry;
                }
            }
        }

        // One reader giving up must not cancel the call the others wait for.
        return entry.Answer.WaitAsync(cancellationToken);
    }

    private async Task<TransparencyAnswer> FetchAsync(TransparencyQuery query)
    {
        if (!await _calls.WaitAsync(TransparencyApiClient.Timeout))
        {
            return TransparencyAnswer.Unavailable;
        }

        try
        {
            return await client.GetAsync(query, CancellationToken.None);
        }
        finally
        {
            _calls.Release();
        }
    }

    private void MakeRoom(DateTimeOffset now)
    {
        if (_entries.Count < MaxEntries)
        {
            return;
        }

        foreach (var (key, entry) in _entries)
        {
            if (entry.IsExpired(now))
            {
                _entries.TryRemove(key, out _);
            }
        }

        // Still full of fresh entries (someone asking for many distinct periods): drop the oldest half.
        if (_entries.Count >= MaxEntries)
        {
            foreach (var (key, _) in _entries.OrderBy(e => e.Value.Started).Take(_entries.Count / 2).ToList())
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    /// <summary>How long an answer is kept: briefly when it is a failure or a report's leaves still waiting for the report.</summary>
    public static TimeSpan LifetimeOf(TransparencyQuery query, TransparencyAnswer answer) =>
        answer.Outcome == TransparencyOutcome.Unavailable
        || (query.Resource == TransparencyResource.ReportLeaves && answer.Outcome == TransparencyOutcome.Ok && ReportLeaves.Received(answer.Body) is null)
            ? FailureLifetime
            : Lifetime;

    private sealed record Entry(TransparencyQuery Query, Task<TransparencyAnswer> Answer, DateTimeOffset Started)
    {
        /// <summary>A call still in flight is never expired: later readers join it.</summary>
        public bool IsExpired(DateTimeOffset now) =>
            Answer.IsCompleted && (!Answer.IsCompletedSuccessfully || now - Started >= LifetimeOf(Query, Answer.Result));
    }
}
