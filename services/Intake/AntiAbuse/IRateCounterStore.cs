namespace SafetyReports.Intake.AntiAbuse;

/// <summary>
/// Where the rate limits' windows are counted (<see cref="ClientWindowRule"/>): in this process's memory, or in a
/// store every replica shares. The key names the limit and the client (its <c>ClientAddressKey</c>).
/// </summary>
public interface IRateCounterStore
{
    Task<WindowAnswer> TryCountAsync(string key, int limit, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken);
}
