using MassTransit;
using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification.Consumers;

/// <summary>
/// Turns a report's status change into deliveries for its host's matching subscriptions, and keeps the
/// route's summary (what the host API shows) at the report's latest status; a host without an enabled subscription is
/// written to instead (<see cref="HostMails"/>).
/// </summary>
public sealed class PlanWebhookDeliveriesConsumer(
    IRouteStore routes,
    ISubscriptionStore subscriptions,
    DeliverySignal signal,
    HostReportLinks links,
    HostMails mails,
    IOptions<NotificationOptions> options,
    TimeProvider clock) : IConsumer<ReportStatusChanged>
{
    private readonly RetrySchedule _schedule = options.Value.BuildRetrySchedule();

    public async Task Consume(ConsumeContext<ReportStatusChanged> context)
    {
        var changed = context.Message;
        // Whether a report without a route yet gets one is the planner's to decide: events are not ordered, and a
        // resolved event consumed before (or together with) the triaged one opens the route as that one would.
        var route = await routes.GetRouteAsync(changed.ReportId, context.CancellationToken);
        var hostSubscriptions = await subscriptions.GetSubscriptionsAsync(changed.Model.Host, context.CancellationToken);
        var plan = DeliveryPlanner.Plan(changed, route, hostSubscriptions, links, _schedule, clock.GetUtcNow());
        if (plan.Route is null)
        {
            return;
        }

        await routes.SavePlanAsync(plan, context.CancellationToken);
        if (plan.Deliveries.Count > 0)
        {
            signal.Notify();
        }

        await mails.StatusChangedAsync(changed, hostSubscriptions, context.CancellationToken);
    }
}
