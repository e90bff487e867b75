using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification.Webhooks;

/// <summary>
/// Sends due deliveries. The schedule lives in the store, not in the broker, so retries survive
/// restarts; a lease keeps two dispatchers (two replicas) from sending the same attempt at once, and its
/// token keeps a dispatcher whose lease ran out from recording over the one that holds it now. Each
/// delivery waits in its endpoint's lane, so one slow receiver cannot hold back the others; when a lane
/// is full the delivery goes back to the store for later.
/// </summary>
public sealed partial class WebhookDispatcher(
    IDeliveryStore deliveries,
    ISubscriptionStore subscriptions,
    IRouteStore routes,
    WebhookSender sender,
    WebhookSecretProtector secrets,
    DeliverySignal signal,
    SubscriptionDisabler disabler,
    RetryJitter jitter,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : PollingLoop(clock, logger)
{
    private const int MaxLeasedAtOnce = 64;
    private readonly NotificationOptions _options = options.Value;
    private readonly RetrySchedule _schedule = options.Value.BuildRetrySchedule();
    private readonly EndpointPace _pace = new(TimeSpan.FromSeconds(1), options.Value.AttemptTimeout);

    // Deliveries held in memory at most: every lane full at once is not expected, a few hundred waiting are cheap.
    private readonly EndpointLanes _lanes = new(
        options.Value.MaxConcurrentPerEndpoint, options.Value.EndpointQueueCapacity, options.Value.MaxConcurrentDeliveries, signal.Notify);

    private int Held => _options.MaxConcurrentDeliveries * 8;

    /// <summary>Looks for due deliveries that no local signal announced (retries fall due this way).</summary>
    protected override TimeSpan Interval => _options.PollInterval;

    protected override WorkSignal Wake => signal.Signal;

    /// <summary>Leases what the lanes have room for and admits it; leased deliveries that fail here are retried when their lease ends.</summary>
    protected override async Task<LoopStep> RunStepAsync(CancellationToken stoppingToken)
    {
        var room = Math.Min(Held - _lanes.Count, MaxLeasedAtOnce);
        if (room <= 0)
        {
            return LoopStep.Idle;
        }

        var due = await deliveries.LeaseDueDeliveriesAsync(Clock.GetUtcNow(), _options.Lease, room, stoppingToken);
        foreach (var delivery in due)
        {
            await AdmitAsync(_lanes, delivery, stoppingToken);
        }

        return due.Count > 0 ? LoopStep.MoreWaiting : LoopStep.Idle;
    }

    private async Task AdmitAsync(EndpointLanes lanes, LeasedDelivery leased, CancellationToken stoppingToken)
    {
        var delivery = leased.Delivery;
        var subscription = await subscriptions.GetSubscriptionAsync(delivery.SubscriptionId, stoppingToken);
        var endpoint = subscription is null ? "none" : EndpointKey.For(subscription.Url);
        var admission = lanes.TryAdmit(endpoint, delivery.Id, leased.Lease, (lease, ct) => AttemptSafelyAsync(delivery, lease, ct), stoppingToken);
        // Not taken: come back later without counting an attempt. Only the lease just taken is released, never one a lane holds.
        if (AdmissionDeferral.For(admission, () => _pace.DeferralWhenFull(endpoint, _options.EndpointQueueCapacity, _options.MaxConcurrentPerEndpoint)) is { } later)
        {
            await deliveries.DeferAsync(delivery.Id, leased.Lease.Token, Clock.GetUtcNow() + later, stoppingToken);
        }
    }

    private async Task AttemptSafelyAsync(Delivery delivery, DeliveryLease lease, CancellationToken cancellationToken)
    {
        try
        {
            await AttemptAsync(delivery, lease, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogAttemptFailed(Logger, ex, delivery.Id);
        }
    }

    private async Task AttemptAsync(Delivery delivery, DeliveryLease lease, CancellationToken cancellationToken)
    {
        // Read again: the subscription may have been disabled or rotated while the delivery waited in its lane.
        var subscription = await subscriptions.GetSubscriptionAsync(delivery.SubscriptionId, cancellationToken);
        var now = Clock.GetUtcNow();
        // A test is sent even to a disabled subscription: that is how a host checks its endpoint before enabling it again.
        if (subscription is null || (!subscription.Enabled && delivery.EventType != WebhookEvents.Test))
        {
            var stopped = delivery with { Status = DeliveryStatuses.Failed, NextAttemptAt = null, LastAttemptAt = now };
            await CompleteAsync(stopped, lease, new DeliveryAttempt(delivery.Id, now, null, 0, "Subscription disabled", null), null, cancellationToken);
            return;
        }

        // Narrowed since it was planned (fewer events, other model patterns): the host no longer asked for this one.
        if (delivery.EventType != WebhookEvents.Test && await routes.GetRouteAsync(delivery.ReportId, delivery.HostId, cancellationToken) is { } route
            && !SubscriptionInterest.Wants(subscription, delivery.EventType, route.ModelId))
        {
            var dropped = delivery with { Status = DeliveryStatuses.Failed, NextAttemptAt = null, LastAttemptAt = now };
            await CompleteAsync(dropped, lease,
                new DeliveryAttempt(delivery.Id, now, null, 0, SubscriptionInterest.NoLongerWanted(delivery.EventType, route.ModelId), null), null, cancellationToken);
            return;
        }

        if (!await HoldForAttemptAsync(delivery, lease, now, cancellationToken))
        {
            return;
        }

        if (await SendAsync(delivery, lease, subscription, now, cancellationToken) is not { } result)
        {
            return;
        }

        var finished = Clock.GetUtcNow();
        _pace.Record(EndpointKey.For(subscription.Url), TimeSpan.FromMilliseconds(result.LatencyMs));
        var outcome = DeliveryRules.AfterAttempt(delivery, result.StatusCode, result.RetryAfter, _schedule, finished, jitter);
        // The subscription's fate first: whoever sees this attempt recorded sees its consequence too.
        var health = await subscriptions.RecordEndpointOutcomeAsync(subscription.Id, outcome.Succeeded, finished, cancellationToken) ?? subscription;
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
        var recorded = await CompleteAsync(outcome.Delivery, lease,
            new DeliveryAttempt(delivery.Id, finished, result.StatusCode, result.LatencyMs, result.Error, result.ResponseExcerpt),
            announcement, cancellationToken);

        if (recorded && outcome.Delivery.Status == DeliveryStatuses.Failed)
        {
            LogGaveUp(Logger, delivery.Id, delivery.WebhookId, delivery.HostId, outcome.Delivery.RoundAttempts);
        }
    }

    /// <summary>
    /// Signs and sends the attempt. One that fails before anything left (a signing secret that can no longer be decrypted,
    /// a URL or secret that cannot be used) is recorded as a failed attempt with its reason and retried on the schedule,
    /// like a receiver's failure but without counting against the receiver: null then, the attempt is recorded here.
    /// </summary>
    private async Task<SendResult?> SendAsync(
        Delivery delivery, DeliveryLease lease, Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var signing = SigningSecrets.At(subscription, now).Select(secrets.Unprotect).ToList();
            return await sender.SendAsync(subscription.Url, delivery.WebhookId, delivery.Payload, signing, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var reason = NotSent.Reason(ex);
            LogNotSent(Logger, ex, delivery.Id, subscription.Id, reason);
            var at = Clock.GetUtcNow();
            var outcome = DeliveryRules.AfterAttempt(delivery, null, null, _schedule, at, jitter);
            await CompleteAsync(outcome.Delivery, lease, new DeliveryAttempt(delivery.Id, at, null, 0, reason, null), null, cancellationToken);
            return null;
        }
    }

    /// <summary>
    /// Whether this dispatcher may send now: the lease must outlast the attempt. A delivery that waited in its lane until
    /// little of its lease is left has it renewed first, and is not sent at all when the lease passed to another dispatcher
    /// (or the delivery was replayed or finished) meanwhile: that one sends it.
    /// </summary>
    private async Task<bool> HoldForAttemptAsync(Delivery delivery, DeliveryLease lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (lease.Until - now >= _options.AttemptTimeout * 2)
        {
            return true;
        }

        if (await deliveries.RenewLeaseAsync(delivery.Id, lease.Token, now + _options.Lease, cancellationToken))
        {
            return true;
        }

        LogLeaseLostWhileWaiting(Logger, delivery.Id);
        return false;
    }

    /// <summary>Records the attempt under the lease; when the lease no longer holds the delivery, nothing is recorded.</summary>
    private async Task<bool> CompleteAsync(Delivery updated, DeliveryLease lease, DeliveryAttempt attempt, OutboxMessage? announcement, CancellationToken cancellationToken)
    {
        if (await deliveries.CompleteAttemptAsync(updated, lease.Token, attempt, announcement, cancellationToken))
        {
            return true;
        }

        // Another dispatcher leased it after this lease ran out (a pause longer than the lease), or it was replayed: what
        // that one records (or the replay) stands. The webhook may have gone out twice, with the same webhook-id.
        LogLeaseLostDuringAttempt(Logger, updated.Id, attempt.StatusCode);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} could not be attempted; it is retried when its lease ends")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({WebhookId}) to host {HostId} failed after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Guid deliveryId, string webhookId, string hostId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} of subscription {SubscriptionId} was not sent: {Reason}")]
    private static partial void LogNotSent(ILogger logger, Exception exception, Guid deliveryId, Guid subscriptionId, string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Delivery {DeliveryId} was not sent here: its lease ran out while it waited, and it is no longer this dispatcher's")]
    private static partial void LogLeaseLostWhileWaiting(ILogger logger, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: its lease ran out during the attempt; the outcome ({StatusCode}) is not recorded")]
    private static partial void LogLeaseLostDuringAttempt(ILogger logger, Guid deliveryId, int? statusCode);
}
