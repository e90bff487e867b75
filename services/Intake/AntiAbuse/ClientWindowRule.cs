namespace SafetyReports.Intake.AntiAbuse;

/// <summary>A client's window as a counter store keeps it: when it began and how many requests it counted.</summary>
public sealed record ClientWindow(DateTimeOffset Start, int Count);

/// <param name="Counted">The request fit in the window and was counted; a refused request is not counted.</param>
public sealed record WindowAnswer(bool Counted, DateTimeOffset WindowStart);

/// <summary>
/// The fixed window of one client: it begins at the client's first request and lasts <see cref="Length"/>;
/// within it at most a limit of requests are counted, and the first request after it begins a new one.
/// Every counter store applies this rule (the MongoDB one as an update pipeline that mirrors it).
/// </summary>
public static class ClientWindowRule
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(1);

    public static bool HasEnded(ClientWindow? window, DateTimeOffset now, TimeSpan length) =>
        window is null || window.Start + length <= now;

    /// <returns>The window after this request, and whether the request was counted.</returns>
    public static (ClientWindow Window, bool Counted) Apply(ClientWindow? window, int limit, DateTimeOffset now, TimeSpan length)
    {
        if (HasEnded(window, now, length))
        {
            return (new ClientWindow(now, 1), true);
        }

        return window!.Count < limit ? (window with { Count = window.Count + 1 }, true) : (window, false);
    }

    /// <summary>Until the window ends, in whole seconds and at least one, as <c>Retry-After</c> carries it.</summary>
    public static TimeSpan RetryAfter(DateTimeOffset windowStart, DateTimeOffset now, TimeSpan length)
    {
        var seconds = Math.Ceiling((windowStart + length - now).TotalSeconds);
        return TimeSpan.FromSeconds(Math.Max(1, seconds));
    }
}
