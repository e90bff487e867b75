using System.Collections.Concurrent;
using MassTransit;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>
/// Every <typeparamref name="T"/> published on a running Standalone's in-memory bus from now on, as a further
/// subscriber sees it: a receive endpoint of its own, bound to the message type like any consumer's.
/// </summary>
public sealed class PublishedMessages<T> : IAsyncDisposable where T : class
{
    private readonly ConcurrentQueue<T> _messages = new();
    private HostReceiveEndpointHandle? _endpoint;

    public IReadOnlyCollection<T> All => _messages;

    public static async Task<PublishedMessages<T>> ListenAsync(IBus bus)
    {
        var listener = new PublishedMessages<T>();
        listener._endpoint = bus.ConnectReceiveEndpoint($"test-{typeof(T).Name}-{Guid.NewGuid():N}", endpoint =>
            endpoint.Handler<T>(context =>
            {
                listener._messages.Enqueue(context.Message);
                return Task.CompletedTask;
            }));
        await listener._endpoint.Ready;
        return listener;
    }

    /// <summary>The first message that matches, once it has arrived.</summary>
    public Task<T> WaitAsync(Func<T, bool> match, string what) =>
        Eventually.UntilAsync(() => Task.FromResult(_messages.FirstOrDefault(match)), TimeSpan.FromSeconds(30), what);

    public async ValueTask DisposeAsync()
    {
        if (_endpoint is not null)
        {
            await _endpoint.StopAsync();
        }
    }
}
