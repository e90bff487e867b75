using MassTransit;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the <typeparamref name="T"/> messages the running Standalone's consumers have finished with, so a test can
/// wait until a repeated delivery has been handled before it checks that the repeat changed nothing.
/// </summary>
public sealed class ConsumedMessages<T> : IConsumeMessageObserver<T>, IDisposable where T : class
{
    private int _count;
    private ConnectHandle? _handle;

    public int Count => Volatile.Read(ref _count);

    public static ConsumedMessages<T> Observe(IBus bus)
    {
        var observer = new ConsumedMessages<T>();
        observer._handle = bus.ConnectConsumeMessageObserver(observer);
        return observer;
    }

    public Task UntilAsync(int count, string what) =>
        Eventually.UntilAsync(() => Task.FromResult(Count >= count), TimeSpan.FromSeconds(30), what);

    public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<T> context)
    {
        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }

    public Task ConsumeFault(ConsumeContext<T> context, Exception exception) => Task.CompletedTask;

    public void Dispose() => _handle?.Disconnect();
}
