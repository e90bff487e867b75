using System.Collections.Concurrent;
using MassTransit;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>
/// What a running Standalone system publishes of one message type, caught on a temporary receive endpoint of its
/// in-memory bus (bound to the message type like any consumer's): how a test sees an event a service announces
/// without waiting for the service that consumes it.
/// </summary>
public sealed class PublishedMessages<T> : IAsyncDisposable where T : class
{
    private readonly ConcurrentQueue<T> _messages = new();
    private HostReceiveEndpointHandle? _handle;

    public static async Task<PublishedMessages<T>> ListenAsync(IBus bus)
    {
        var listener = new PublishedMessages<T>();
        listener._handle = bus.ConnectReceiveEndpoint($"test-{typeof(T).Name}-{Guid.NewGuid():N}", e => e.Handler<T>(context =>
        {
            listener._messages.Enqueue(context.Message);
            return Task.CompletedTask;
        }));
        await listener._handle.Ready;
        return listener;
    }

    public IReadOnlyList<T> All => [.. _messages];

    /// <summary>The first message that matches, once it has arrived.</summary>
    public Task<T> FirstAsync(Func<T, bool> match, TimeSpan timeout) =>
        Eventually.UntilAsync(() => Task.FromResult(_messages.FirstOrDefault(match)), timeout, $"a {typeof(T).Name} to be published");

    public async ValueTask DisposeAsync()
    {
        if (_handle is not null)
        {
            await _handle.StopAsync();
        }
    }
}
