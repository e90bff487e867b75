using System.Threading.Channels;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>
/// Wakes a background loop as soon as there is work (a committed outbox row, a new delivery),
/// while the loop still polls on a timer for work that another process left.
/// </summary>
public sealed class WorkSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when notified or when <paramref name="timeout"/> elapses on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var elapsed = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, elapsed.Token);
        try
        {
            await _channel.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
