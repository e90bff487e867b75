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
/// restarts; a lease keeps two dispatchers (two replicas) from sending the same attempt at once. Each
/// delivery waits in its endpoint's lane, so one slow receiver cannot hold back the others; when a lane
/// is full the delivery goes back to the store for later.
/// </summary>
public sealed class WebhookDispatcher(
    INotificationStore store,
    WebhookSender sender,
    WebhookSecretProtector secrets,
    DeliverySignal signal,
    SubscriptionDisabler disabler,
    RetryJitter jitter,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private const int MaxLeasedAtOnce = 64;
    private readonly NotificationOptions _options = options.Value;
    private readonly RetrySchedule _schedule = options.Value.BuildRetrySchedule();
    private readonly EndpointPace _pace = new(TimeSpan.FromSeconds(1), options.Value.AttemptTimeout);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Deliveries held in memory at most: every lane full at once is not expected, a few hundred waiting are cheap.
        var held = _options.MaxConcurrentDeliveries * 8;
        var lanes = new EndpointLanes(_options.MaxConcurrentPerEndpoint, _options.EndpointQueueCapacity, _options.MaxConcurrentDeliveries, signal.Notify);
        while (!stoppingToken.IsCancellationRequested)
        {
            var leased = 0;
            try
            {
                var room = Math.Min(held - lanes.Count, MaxLeasedAtOnce);
                if (room > 0)
                {
                    var due = await store.LeaseDueDeliveriesAsync(clock.GetUtcNow(), _options.Lease, room, stoppingToken);
                    leased = due.Count;
                    foreach (var delivery in due)
                    {
                        await AdmitAsync(lanes, delivery, stoppingToken);
                    }
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Webhook dispatch failed; leased deliveries are retried when their lease ends");
            }

            if (leased == 0)
            {
                await signal.Signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
        }
    }

    private async Task AdmitAsync(EndpointLanes lanes, Delivery delivery, CancellationToken stoppingToken)
    {
        var subscription = await store.GetSubscriptionAsync(delivery.SubscriptionId, stoppingToken);
        var endpoint = subscription is null ? "none" : EndpointKey.For(subscription.Url);
        var admission = lanes.TryAdmit(endpoint, delivery.Id, ct => AttemptSafelyAsync(delivery, ct), stoppingToken);
        // Not taken: come back later without counting an attempt.
        if (AdmissionDeferral.For(admission, () => _pace.DeferralWhenFull(endpoint, _options.EndpointQueueCapacity, _options.MaxConcurrentPerEndpoint)) is { } later)
        {
            await store.DeferAsync(delivery.Id, clock.GetUtcNow() + later, stoppingToken);
        }
    }

    private async Task AttemptSafelyAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            await AttemptAsync(delivery, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Delivery {DeliveryId} could not be attempted; it is retried when its lease ends", delivery.Id);
        }
    }

    private async Task AttemptAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        // Read again: the subscription may have been disabled or rotated while the delivery waited in its lane.
        var subscription = await store.GetSubscriptionAsync(delivery.SubscriptionId, cancellationToken);
        var now = clock.GetUtcNow();
        // A test is sent even to a disabled subscription: that is how a host checks its endpoint before enabling it again.
        if (subscription is null || (!subscription.Enabled && delivery.EventType != WebhookEvents.Test))
        {
            var stopped = delivery with { Status = DeliveryStatuses.Failed, NextAttemptAt = null, LastAttemptAt = now };
            await store.CompleteAttemptAsync(stopped, new DeliveryAttempt(delivery.Id, now, null, 0, "Subscription disabled", null), null, cancellationToken);
            return;
        }

        var signing = SigningSecrets.At(subscription, now).Select(secrets.Unprotect).ToList();
        var result = await sender.SendAsync(subscription.Url, delivery.WebhookId, delivery.Payload, signing, cancellationToken);
        var finished = clock.GetUtcNow();
        _pace.Record(EndpointKey.For(subscription.Url), TimeSpan.FromMilliseconds(result.LatencyMs));
        var outcome = DeliveryRules.AfterAttempt(delivery, result.StatusCode, result.RetryAfter, _schedule, finished, jitter);
        // The subscription's fate first: whoever sees this attempt recorded sees its consequence too.
        var health = await store.RecordEndpointOutcomeAsync(subscription.Id, outcome.Succeeded, finished, cancellationToken) ?? subscription;
        if (outcome.DisableSubscription)
        {
            await disabler.DisableAsync(health, DisabledReasons.Gone, cancellationToken);
        }
        else if (EndpointHealth.ShouldDisable(health, finished, _options.AutoDisableAfter))
        {
            await disabler.DisableAsync(health, DisabledReasons.Failing, cancellationToken);
        }

        var announcement = outcome.Succeeded && delivery.ReportId != Guid.Empty && delivery.EventType != WebhookEvents.Test
            ? OutboxMessage.For(new WebhookDelivered(delivery.ReportId, delivery.HostId, delivery.Id, delivery.WebhookId, delivery.EventType, finished), finished)
            : null;
        await store.CompleteAttemptAsync(outcome.Delivery,
            new DeliveryAttempt(delivery.Id, finished, result.StatusCode, result.LatencyMs, result.Error, result.ResponseExcerpt),
            announcement, cancellationToken);

        if (outcome.Delivery.Status == DeliveryStatuses.Failed)
        {
            logger.LogWarning("Delivery {DeliveryId} ({WebhookId}) to host {HostId} failed after {Attempts} attempts",
                delivery.Id, delivery.WebhookId, delivery.HostId, outcome.Delivery.RoundAttempts);
        }
    }
}
