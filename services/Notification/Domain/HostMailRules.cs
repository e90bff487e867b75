namespace SafetyReports.Notification.Domain;

/// <summary>
/// Which hosts get which mail (docs/webhooks.md, "Hosts without a receiver: e-mail"). A host with no enabled subscription
/// hears of its reports by mail at its contact address, for the events a subscription announcing reports would carry; every
/// host's contact hears when Notification itself disabled one of its subscriptions. Each mail's id is derived from the event
/// and the host, so the same event seen twice is one mail with one Message-ID.
/// </summary>
public static class HostMailRules
{
    /// <summary>The host has a usable contact address and no enabled subscription (a receiver would be told instead).</summary>
    public static bool WantsNoticeMail(ModelHost? host, IReadOnlyList<Subscription> hostSubscriptions) =>
        host is not null && MailboxAddressCheck.IsAddress(host.ContactEmail) && !hostSubscriptions.Any(s => s.Enabled && s.HostId == host.Id);

    /// <summary>Only Notification's own decisions (410 Gone, failing too long) are news to the host; it made a manual one itself.</summary>
    public static bool WantsDisabledMail(ModelHost? host, WebhookSubscriptionDisabled disabled) =>
        host is not null && host.Id == disabled.HostId && MailboxAddressCheck.IsAddress(host.ContactEmail) && DisabledReasons.IsAutomatic(disabled.Reason);

    /// <param name="what">What happened to the report, as the webhook deliveries' ids say it (e.g. the status version and event).</param>
    public static Guid NoticeMailId(string hostId, Guid reportId, string what) =>
        DeterministicId.From($"mail/host/{hostId}/{reportId:N}/{what}");

    /// <summary>One mail per disable: a subscription enabled again and disabled later gets another.</summary>
    public static Guid DisabledMailId(WebhookSubscriptionDisabled disabled) =>
        DeterministicId.From($"mail/host/{disabled.HostId}/disabled/{disabled.SubscriptionId:N}/{disabled.DisabledAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The report in the host's inbox in the portal.</summary>
    public static string InboxPath(Guid reportId) => $"portal/host/reports/{reportId}";

    public const string SubscriptionsPath = "portal/host/subscriptions";
}
