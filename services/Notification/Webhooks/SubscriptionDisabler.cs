using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification.Webhooks;

/// <summary>
/// Disables a subscription on Notification's own decision (410 Gone, or failing too long), announces it
/// with the reports it leaves unannounced so Triage can record it on each, and leaves a warning for the admins.
/// </summary>
public sealed partial class SubscriptionDisabler(IDeliveryStore deliveries, ISubscriptionStore subscriptions, TimeProvider clock, ILogger<SubscriptionDisabler> logger)
{
    public const int MaxAffectedReports = 500;

    /// <returns>True when this call disabled it; false when it was disabled already.</returns>
    public async Task<bool> DisableAsync(Subscription subscription, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var affected = new HashSet<Guid>();
        foreach (var status in new[] { DeliveryStatuses.Pending, DeliveryStatuses.Failed })
        {
            var unsent = await deliveries.GetDeliveriesAsync(
                new DeliveryQuery(subscription.HostId, SubscriptionId: subscription.Id, Status: status, Max: MaxAffectedReports), cancellationToken);
            affected.UnionWith(unsent.Where(d => d.ReportId != Guid.Empty).Select(d => d.ReportId));
        }

        var announcement = new WebhookSubscriptionDisabled(
            subscription.Id, subscription.HostId, reason, subscription.FailingSince, now, affected.Take(MaxAffectedReports).ToList());
        if (!await subscriptions.DisableSubscriptionAsync(subscription.Id, reason, now, OutboxMessage.For(announcement, now), cancellationToken))
        {
            return false;
        }

        // The notices to admins: GET /api/v1/notices (and the portal's banner) list it until it is enabled again, a warning
        // goes to the logs, and the event lets Triage put it in the reports' audit.
        LogDisabled(subscription.Id, subscription.HostId, reason, subscription.FailingSince, affected.Count);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Subscription {SubscriptionId} of host {HostId} was disabled ({Reason}; failing since {FailingSince}); {AffectedReports} reports have webhooks pending or failed")]
    private partial void LogDisabled(Guid subscriptionId, string hostId, string reason, DateTimeOffset? failingSince, int affectedReports);
}
