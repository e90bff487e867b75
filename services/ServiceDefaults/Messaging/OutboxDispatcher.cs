using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>
/// Publishes a store's outbox rows and removes each only after the bus accepted it (with RabbitMQ,
/// after the publisher confirm), so an event is announced at least once.
/// </summary>
public sealed class OutboxDispatcher<TStore>(
    TStore store,
    IBus bus,
    ILogger<OutboxDispatcher<TStore>> logger) : BackgroundService
    where TStore : IOutboxStore
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                published = await DispatchBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox dispatch for {Store} failed; retrying", typeof(TStore).Name);
                await store.OutboxSignal.WaitAsync(FailureBackoff, stoppingToken);
                continue;
            }

            if (published == 0)
            {
                await store.OutboxSignal.WaitAsync(PollInterval, stoppingToken);
            }
        }
    }

    private async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var batch = await store.PeekOutboxAsync(100, cancellationToken);
        foreach (var row in batch)
        {
            var (message, type) = MessageSerialization.Deserialize(row.MessageType, row.Body);
            using (MessagingActivity.Start($"{type.Name} outbox", row.TraceParent))
            {
                await bus.Publish(message, type, ctx => ctx.MessageId = row.Id, cancellationToken);
            }

            await store.RemoveFromOutboxAsync([row.Id], cancellationToken);
        }

        return batch.Count;
    }
}

public static class OutboxDispatcher
{
    public static IServiceCollection AddOutboxDispatcher<TStore>(this IServiceCollection services)
        where TStore : class, IOutboxStore
    {
        services.AddHostedService<OutboxDispatcher<TStore>>();
        return services;
    }
}
