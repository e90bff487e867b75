using MassTransit;
using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification.Consumers;

/// <summary>Tells the report's host, through its subscriptions or else by mail, that the report will be disclosed unless it responds.</summary>
public sealed class PlanDisclosureNoticeConsumer(
    IRouteStore routes,
    ISubscriptionStore subscriptions,
    DeliverySignal signal,
    HostReportLinks links,
    HostMails mails,
    IOptions<NotificationOptions> options,
    TimeProvider clock) : IConsumer<ReportDisclosurePending>
{
    private readonly RetrySchedule _schedule = options.Value.BuildRetrySchedule();

    public async Task Consume(ConsumeContext<ReportDisclosurePending> context)
    {
        var pending = context.Message;
        var route = await routes.GetRouteAsync(pending.ReportId, pending.Model.Host, context.CancellationToken);
        var hostSubscriptions = await subscriptions.GetSubscriptionsAsync(pending.Model.Host, context.CancellationToken);
        var plan = DeliveryPlanner.PlanDisclosureNotice(pending, route, hostSubscriptions, links, _schedule, clock.GetUtcNow());
        await routes.SavePlanAsync(plan, context.CancellationToken);
        if (plan.Deliveries.Count > 0)
        {
            signal.Notify();
        }

        await mails.DisclosurePendingAsync(pending, plan.Route, hostSubscriptions, context.CancellationToken);
    }
}
