using MassTransit;
using Microsoft.Extensions.Hosting;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>
/// Publishes a store's outbox rows and removes each only after the bus accepted it (with RabbitMQ,
/// after the publisher confirm), so an event is announced at least once. A row that cannot be read back
/// as a message is moved to the store's quarantine (kept, counted in readiness, logged) and the rows
/// behind it go on. It publishes only while the bus runs, and stops before the bus does (see <see cref="StoppingAsync"/>):
/// a publish to a stopped in-memory bus returns as if it succeeded, and removing its row would lose the event.
/// </summary>
public sealed partial class OutboxDispatcher<TStore>(
    TStore store,
    IBus bus,
    BusRunning busRunning,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TStore>> logger) : PollingLoop(clock, logger), IHostedLifecycleService
    where TStore : IOutboxStore
{
    private const int BatchSize = 100;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(2);

    protected override WorkSignal Wake => store.OutboxSignal;

    protected override async Task<LoopStep> RunStepAsync(CancellationToken cancellationToken) =>
        await DispatchBatchAsync(cancellationToken) > 0 ? LoopStep.MoreWaiting : LoopStep.Idle;

    /// <summary>
    /// Hosted services stop in the reverse order of registration, and the modules register their dispatchers before the
    /// bus: left to <c>StopAsync</c>, the dispatcher would stop after the bus. Every host calls this before any <c>StopAsync</c>.
    /// </summary>
    public Task StoppingAsync(CancellationToken cancellationToken) => StopAsync(cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var batch = await store.PeekOutboxAsync(BatchSize, cancellationToken);
        // Not started yet (the bus starts after the modules' loops) or stopping: the rows wait for the next step.
        if (batch.Count == 0 || !busRunning.IsRunning)
        {
            return 0;
        }

        var readable = new List<(OutboxMessage Row, object Message, Type Type)>(batch.Count);
        foreach (var row in batch)
        {
            if (MessageSerialization.TryDeserialize(row.MessageType, row.Body, out var message, out var type, out var unreadable))
            {
                readable.Add((row, message, type));
            }
            else
            {
                await store.QuarantineOutboxAsync(row.Id, unreadable, Clock.GetUtcNow(), cancellationToken);
                LogQuarantined(Logger, typeof(TStore).Name, row.Id, row.MessageType, unreadable);
            }
        }

        // The batch's publishes run together: each waits for its broker confirm, and waiting for them
        // one after the other would cap a service at one event per round trip. Order is not promised by
        // the bus anyway (competing consumers); every consumer is idempotent and versioned.
        var publishes = readable.Select(r => PublishAsync(r.Row, r.Message, r.Type, cancellationToken)).ToList();
        try
        {
            await Task.WhenAll(publishes);
        }
        finally
        {
            // Rows whose publish was confirmed are removed, even when another publish of the batch failed; none if the
            // bus began to stop meanwhile, as those publishes may have gone nowhere (they are sent again, at least once).
            var published = readable.Where((_, i) => publishes[i].IsCompletedSuccessfully).Select(r => r.Row.Id).ToList();
            if (published.Count > 0 && busRunning.IsRunning)
            {
                await store.RemoveFromOutboxAsync(published, CancellationToken.None);
            }
        }

        return batch.Count;
    }

    private async Task PublishAsync(OutboxMessage row, object message, Type type, CancellationToken cancellationToken)
    {
        // A publish whose confirm never comes (its channel died with the broker) must not hold the
        // outbox for ever: after the timeout it counts as failed and the row is published again.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(OutboxDispatcher.PublishTimeout);
        using (MessagingActivity.Start($"{type.Name} outbox", row.TraceParent))
        {
            await bus.Publish(message, type, ctx => ctx.MessageId = row.Id, timeout.Token);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Store}'s outbox row {MessageId} ({MessageType}) cannot be read and was set aside in its quarantine; the rows after it go on: {Reason}")]
    private static partial void LogQuarantined(ILogger logger, string store, Guid messageId, string messageType, string reason);
}

public static class OutboxDispatcher
{
    /// <summary>The longest one publish may wait for the broker's confirm before it counts as failed.</summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddOutboxDispatcher<TStore>(this IServiceCollection services)
        where TStore : class, IOutboxStore
    {
        if (!services.Any(d => d.ServiceType == typeof(BusRunning)))
        {
            services.AddSingleton<BusRunning>();
            services.AddBusObserver(provider => provider.GetRequiredService<BusRunning>());
        }

        services.AddHostedService<OutboxDispatcher<TStore>>();
        return services;
    }
}
