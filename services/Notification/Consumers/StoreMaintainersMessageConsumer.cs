using MassTransit;
using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification.Consumers;

/// <summary>Adds a maintainers' message to the report's thread with its host (once per message) and tells the host with <c>report.message</c>.</summary>
public sealed class StoreMaintainersMessageConsumer(IHostLoopStore hostLoop, ReportFollowUps followUps) : IConsumer<MaintainersMessagedHost>
{
    public async Task Consume(ConsumeContext<MaintainersMessagedHost> context)
    {
        var message = ThreadMessage.FromMaintainers(context.Message);
        var deliveries = await followUps.PlanAsync(message.ReportId, message.HostId,
            (route, subscriptions, links, schedule, now) => DeliveryPlanner.PlanMessage(message, route, subscriptions, links, schedule, now),
            context.CancellationToken);
        followUps.Stored(await hostLoop.AddMessageAsync(message, deliveries, null, context.CancellationToken), deliveries);
    }
}
