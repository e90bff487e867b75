using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SafetyReports.ServiceDefaults.Hosting;
using Microsoft.Extensions.Logging;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>
/// Publishes a store's outbox rows and removes each only after the bus accepted it (with RabbitMQ,
/// after the publisher confirm), so an event is announced at least once. A row that cannot be read back
/// as a message is moved to the store's quarantine (kept, counted in readiness, logged) and the rows
/// behind it go on.
/// </summary>
public sealed partial class OutboxDispatcher<TStore>(
    TStore store,
    IBus bus,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TStore>> logger) : PollingLoop(clock, logger)
    where TStore : IOutboxStore
{
    private const int BatchSize = 100;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(2);

    protected override WorkSignal Wake => store.OutboxSignal;

    protected override async Task<LoopStep> RunStepAsync(CancellationToken cancellationToken) =>
        await DispatchBatchAsync(cancellationToken) > 0 ? LoopStep.MoreWaiting : LoopStep.Idle;

    private async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var batch = await store.PeekOutboxAsync(BatchSize, cancellationToken);
        if (batch.Count == 0)
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
            // Rows whose publish was confirmed are removed, even when another publish of the batch failed.
            var published = readable.Where((_, i) => publishes[i].IsCompletedSuccessfully).Select(r => r.Row.Id).ToList();
            if (published.Count > 0)
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
        services.AddHostedService<OutboxDispatcher<TStore>>();
        return services;
    }
}
