using SafetyReports.Contracts;

namespace SafetyReports.Notification.Domain;

public sealed record DeliveryPlan(ReportRoute? Route, IReadOnlyList<Delivery> Deliveries);

/// <summary>Decides which subscriptions hear about a status change.</summary>
public static class DeliveryPlanner
{
    /// <param name="knownRoute">The report's route if Notification already told its host about it.</param>
    public static DeliveryPlan Plan(
        ReportStatusChanged changed, ReportRoute? knownRoute, IReadOnlyList<Subscription> hostSubscriptions,
        RetrySchedule schedule, DateTimeOffset now)
    {
        var eventType = WebhookEvents.ForStatus(changed.Status);
        // Hosts hear about a report from triage on; a report rejected before it was triaged stays internal.
        if (eventType is null || (eventType != WebhookEvents.Triaged && knownRoute is null))
        {
            return new DeliveryPlan(null, []);
        }

        var route = knownRoute ?? new ReportRoute(changed.ReportId, changed.Model.Host, changed.Model.Id, now, null, null);
        var deliveries = hostSubscriptions
            .Where(s => s.Enabled && s.Events.Contains(eventType) && ModelPattern.MatchesAny(s.ModelPatterns, changed.Model.Id))
            .Select(s =>
            {
                // Derived from the event: a repeated status event plans the same delivery, not a second one.
                var id = DeterministicId.From($"{changed.ReportId:N}/{changed.Version}/{s.Id:N}/{eventType}");
                return new Delivery(id, s.Id, s.HostId, changed.ReportId, eventType, $"msg_{id:N}",
                    WebhookPayload.For(eventType, changed, now), DeliveryStatuses.Pending, 0,
                    schedule.FirstAttempt(now), now, null);
            })
            .ToList();
        return new DeliveryPlan(route, deliveries);
    }
}
