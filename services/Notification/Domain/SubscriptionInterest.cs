namespace SafetyReports.Notification.Domain;

/// <summary>
/// Which events a subscription asks for, about which models. The planner plans deliveries by it, and the dispatcher asks
/// again before it sends one planned earlier: a subscription narrowed since (fewer events, other model patterns) does not
/// get the deliveries it would no longer be planned.
/// </summary>
public static class SubscriptionInterest
{
    public static bool Wants(Subscription subscription, string eventType, string modelId) =>
        eventType == WebhookEvents.Test
        || (Asks(subscription.Events, eventType) && ModelPattern.MatchesAny(subscription.ModelPatterns, modelId));

    /// <summary>Why a planned delivery was not sent, as its delivery log shows it.</summary>
    public static string NoLongerWanted(string eventType, string modelId) =>
        $"Not sent: the subscription no longer asks for {eventType} about {modelId} (it was changed after this webhook was planned).";

    private static bool Asks(IReadOnlyList<string> events, string eventType) => eventType switch
    {
        WebhookEvents.DisclosurePending => WebhookEvents.ReceivesDisclosureNotices(events),
        WebhookEvents.Reminder or WebhookEvents.Updated or WebhookEvents.Contested or WebhookEvents.Message => WebhookEvents.ReceivesFollowUp(events, eventType),
        _ => events.Contains(eventType),
    };
}
