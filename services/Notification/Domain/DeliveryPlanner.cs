using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.Contracts;

namespace SafetyReports.Notification.Domain;

/// <param name="Route">The report's route, new or with its summary brought up to date; null when the host is not to hear of the report.</param>
public sealed record DeliveryPlan(ReportRoute? Route, IReadOnlyList<Delivery> Deliveries);

/// <summary>Decides which subscriptions hear about a status change, a reminder or a test.</summary>
public static class DeliveryPlanner
{
    /// <param name="knownRoute">The report's route if Notification already told its host about it.</param>
    public static DeliveryPlan Plan(
        ReportStatusChanged changed, ReportRoute? knownRoute, IReadOnlyList<Subscription> hostSubscriptions,
        RetrySchedule schedule, DateTimeOffset now)
    {
        var eventType = WebhookEvents.ForStatus(changed.Status);
        // Hosts hear about a report from triage on; a report rejected before it was triaged stays internal.
        // Events are not ordered: a later one that says the report was triaged opens the route too.
        if (knownRoute is null && eventType != WebhookEvents.Triaged && changed.TriagedAt is null)
        {
            return new DeliveryPlan(null, []);
        }

        var summary = ReportSummary.From(changed);
        var route = knownRoute is null
            ? new ReportRoute(changed.ReportId, changed.Model.Host, changed.Model.Id, now, null, null, summary)
            : knownRoute with { Summary = knownRoute.Summary is { } known && known.Version >= summary.Version ? known : summary };
        if (eventType is null)
        {
            // Still worth keeping: the host API shows the report's current status.
            return new DeliveryPlan(route, []);
        }

        var deliveries = hostSubscriptions
            .Where(s => s.Enabled && s.Events.Contains(eventType) && ModelPattern.MatchesAny(s.ModelPatterns, changed.Model.Id))
            .Select(s => NewDelivery(
                // Derived from the event: a repeated status event plans the same delivery, not a second one.
                DeterministicId.From($"{changed.ReportId:N}/{changed.Version}/{s.Id:N}/{eventType}"),
                s, changed.ReportId, eventType, WebhookPayload.For(eventType, changed, now), schedule, now))
            .ToList();
        return new DeliveryPlan(route, deliveries);
    }

    /// <summary>
    /// Reminder number <paramref name="reminder"/> of a report to the subscriptions that would hear of it.
    /// Ids derive from the report and the number, so two planners racing plan the same deliveries.
    /// </summary>
    public static IReadOnlyList<Delivery> PlanReminder(
        ReportRoute route, int reminder, IReadOnlyList<Subscription> hostSubscriptions, RetrySchedule schedule, DateTimeOffset now) =>
        hostSubscriptions
            .Where(s => s.Enabled && WebhookEvents.ReceivesReminders(s.Events) && ModelPattern.MatchesAny(s.ModelPatterns, route.ModelId))
            .Select(s => NewDelivery(
                DeterministicId.From($"{route.ReportId:N}/reminder/{reminder}/{s.Id:N}"),
                s, route.ReportId, WebhookEvents.Reminder, WebhookPayload.Reminder(route, reminder, now), schedule, now))
            .ToList();

    /// <summary>
    /// The notice that a report will be disclosed unless the host responds. A host that never heard of the report
    /// (it had no subscription when the report was triaged) gets its route now, so it can answer through the host API.
    /// </summary>
    public static DeliveryPlan PlanDisclosureNotice(
        ReportDisclosurePending pending, ReportRoute? knownRoute, IReadOnlyList<Subscription> hostSubscriptions, RetrySchedule schedule, DateTimeOffset now)
    {
        var route = knownRoute ?? new ReportRoute(pending.ReportId, pending.Model.Host, pending.Model.Id, now, null, null);
        var deliveries = hostSubscriptions
            .Where(s => s.Enabled && WebhookEvents.ReceivesDisclosureNotices(s.Events) && ModelPattern.MatchesAny(s.ModelPatterns, pending.Model.Id))
            .Select(s => NewDelivery(
                DeterministicId.From($"{pending.ReportId:N}/disclosure-pending/{s.Id:N}"),
                s, pending.ReportId, WebhookEvents.DisclosurePending, WebhookPayload.DisclosurePending(pending, now), schedule, now))
            .ToList();
        return new DeliveryPlan(route, deliveries);
    }

    /// <summary>A <c>webhook.test</c> event for one subscription; it is about no report (<see cref="Guid.Empty"/>).</summary>
    public static Delivery PlanTest(Subscription subscription, RetrySchedule schedule, DateTimeOffset now) =>
        NewDelivery(OpaqueId.New(), subscription, Guid.Empty, WebhookEvents.Test,
            WebhookPayload.Test(subscription.HostId, subscription.Id, now), schedule, now);

    private static Delivery NewDelivery(
        Guid id, Subscription subscription, Guid reportId, string eventType, string payload, RetrySchedule schedule, DateTimeOffset now) =>
        new(id, subscription.Id, subscription.HostId, reportId, eventType, $"msg_{id:N}", payload, DeliveryStatuses.Pending, 0,
            schedule.FirstAttempt(now), now, null);
}
