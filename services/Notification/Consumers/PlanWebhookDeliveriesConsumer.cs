using MassTransit;
using Microsoft.Extensions.Options;
using SafetyReports.Contracts;
using SafetyReports.Notification.Webhooks;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification.Consumers;

/// <summary>Turns a report's status change into deliveries for its host's matching subscriptions.</summary>
public sealed class PlanWebhookDeliveriesConsumer(
    INotificationStore store,
    DeliverySignal signal,
    IOptions<NotificationOptions> options,
    TimeProvider clock) : IConsumer<ReportStatusChanged>
{
    private readonly RetrySchedule _schedule = options.Value.BuildRetrySchedule();

    public async Task Consume(ConsumeContext<ReportStatusChanged> context)
    {
        var changed = context.Message;
        if (WebhookEvents.ForStatus(changed.Status) is null)
        {
            return;
        }

        var route = await store.GetRouteAsync(changed.ReportId, context.CancellationToken);
        var subscriptions = await store.GetSubscriptionsAsync(changed.Model.Host, context.CancellationToken);
        var plan = DeliveryPlanner.Plan(changed, route, subscriptions, _schedule, clock.GetUtcNow());
        if (plan.Route is null)
        {
            return;
        }

        await store.SavePlanAsync(plan, context.CancellationToken);
        signal.Notify();
    }
}
