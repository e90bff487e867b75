using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using SafetyReports.ServiceDefaults.Messaging;

namespace SafetyReports.Notification.Webhooks;

/// <summary>
/// Sends due deliveries. The schedule lives in the store, not in the broker, so retries survive
/// restarts; a lease keeps two dispatchers (two replicas) from sending the same attempt at once.
/// </summary>
public sealed class WebhookDispatcher(
    INotificationStore store,
    WebhookSender sender,
    WebhookSecretProtector secrets,
    DeliverySignal signal,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly NotificationOptions _options = options.Value;
    private readonly RetrySchedule _schedule = options.Value.BuildRetrySchedule();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lease = _options.AttemptTimeout * 2 + TimeSpan.FromSeconds(30);
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<Delivery> due = [];
            try
            {
                due = await store.LeaseDueDeliveriesAsync(clock.GetUtcNow(), lease, _options.MaxConcurrentDeliveries * 2, stoppingToken);
                await Parallel.ForEachAsync(due,
                    new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentDeliveries, CancellationToken = stoppingToken },
                    async (delivery, ct) => await AttemptAsync(delivery, ct));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Webhook dispatch failed; leased deliveries are retried when their lease ends");
            }

            if (due.Count == 0)
            {
                await signal.Signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
        }
    }

    private async Task AttemptAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var subscription = await store.GetSubscriptionAsync(delivery.SubscriptionId, cancellationToken);
        var now = clock.GetUtcNow();
        if (subscription is not { Enabled: true })
        {
            var stopped = delivery with { Status = DeliveryStatuses.Failed, NextAttemptAt = null, LastAttemptAt = now };
            await store.CompleteAttemptAsync(stopped, new DeliveryAttempt(delivery.Id, now, null, 0, "Subscription disabled", null), null, cancellationToken);
            return;
        }

        var result = await sender.SendAsync(subscription.Url, delivery.WebhookId, delivery.Payload,
            [secrets.Unprotect(subscription.ProtectedSecret)], cancellationToken);
        var finished = clock.GetUtcNow();
        var outcome = DeliveryRules.AfterAttempt(delivery, result.StatusCode, result.RetryAfter, _schedule, finished);
        var announcement = outcome.Succeeded && delivery.EventType != WebhookEvents.Test
            ? OutboxMessage.For(new WebhookDelivered(delivery.ReportId, delivery.HostId, delivery.Id, delivery.WebhookId, delivery.EventType, finished), finished)
            : null;
        await store.CompleteAttemptAsync(outcome.Delivery,
            new DeliveryAttempt(delivery.Id, finished, result.StatusCode, result.LatencyMs, result.Error, result.ResponseExcerpt),
            announcement, cancellationToken);
        if (outcome.DisableSubscription)
        {
            await store.SetSubscriptionEnabledAsync(subscription.Id, false, cancellationToken);
            logger.LogWarning("Subscription {SubscriptionId} of host {HostId} answered 410 Gone and was disabled", subscription.Id, subscription.HostId);
        }

        if (outcome.Delivery.Status == DeliveryStatuses.Failed)
        {
            logger.LogWarning("Delivery {DeliveryId} ({WebhookId}) to host {HostId} failed after {Attempts} attempts",
                delivery.Id, delivery.WebhookId, delivery.HostId, outcome.Delivery.RoundAttempts);
        }
    }
}
