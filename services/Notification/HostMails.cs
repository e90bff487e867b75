using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification;

/// <summary>
/// Queues the hosts' mails in Notification's mail outbox (sent by <see cref="MailDispatcher{TStore}"/>): the notices a host
/// without an enabled subscription would otherwise miss, and the mail about a subscription Notification disabled. Called
/// after the plan is saved; a consumer that fails between the two is redelivered, re-plans nothing new and queues the mail
/// then, and a repeated event queues nothing new (<see cref="HostMailRules"/>).
/// </summary>
public sealed class HostMails(INotificationStore store, MailProtector protector, EmailOptions options, TimeProvider clock)
{
    public async Task StatusChangedAsync(ReportStatusChanged changed, IReadOnlyList<Subscription> hostSubscriptions, CancellationToken cancellationToken)
    {
        if (WebhookEvents.ForStatus(changed.Status) is not { } eventType
            || await store.GetHostAsync(changed.Model.Host, cancellationToken) is not { } host
            || !HostMailRules.WantsNoticeMail(host, hostSubscriptions))
        {
            return;
        }

        var id = HostMailRules.NoticeMailId(host.Id, changed.ReportId, $"{changed.Version}/{eventType}");
        await QueueAsync(HostMailComposer.StatusChanged(
            id, host, changed.ReportId, eventType, ReportSummary.From(changed), options.PortalLink(HostMailRules.InboxPath(changed.ReportId))), cancellationToken);
    }

    public async Task DisclosurePendingAsync(
        ReportDisclosurePending pending, ReportRoute? route, IReadOnlyList<Subscription> hostSubscriptions, CancellationToken cancellationToken)
    {
        if (await store.GetHostAsync(pending.Model.Host, cancellationToken) is not { } host || !HostMailRules.WantsNoticeMail(host, hostSubscriptions))
        {
            return;
        }

        var id = HostMailRules.NoticeMailId(host.Id, pending.ReportId, "disclosure-pending");
        await QueueAsync(HostMailComposer.DisclosurePending(
            id, host, pending, route?.Summary, options.PortalLink(HostMailRules.InboxPath(pending.ReportId))), cancellationToken);
    }

    public async Task SubscriptionDisabledAsync(WebhookSubscriptionDisabled disabled, CancellationToken cancellationToken)
    {
        if (await store.GetHostAsync(disabled.HostId, cancellationToken) is not { } host || !HostMailRules.WantsDisabledMail(host, disabled))
        {
            return;
        }

        await QueueAsync(HostMailComposer.SubscriptionDisabled(
            HostMailRules.DisabledMailId(disabled), host, disabled, options.PortalLink(HostMailRules.SubscriptionsPath)), cancellationToken);
    }

    private Task QueueAsync(OutgoingMail mail, CancellationToken cancellationToken) =>
        store.QueueMailAsync(protector.Queue(mail, clock.GetUtcNow()), cancellationToken);
}
