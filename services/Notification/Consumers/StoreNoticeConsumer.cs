using MassTransit;
using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification.Consumers;

/// <summary>
/// Keeps what the maintainers share with a report's hosts (the highest revision wins, whether or not the routes exist
/// yet) and tells every host the report reached with <c>report.updated</c> when a newer notice replaces what it was shown.
/// </summary>
public sealed class StoreNoticeConsumer(IHostLoopStore hostLoop, ReportFollowUps followUps) : IConsumer<ReportNoticeShared>
{
    public async Task Consume(ConsumeContext<ReportNoticeShared> context)
    {
        var notice = HostNotice.From(context.Message);
        var deliveries = await followUps.PlanForEveryHostAsync(notice.ReportId,
            (route, subscriptions, links, schedule, now) => DeliveryPlanner.PlanNoticeUpdate(notice, route, subscriptions, links, schedule, now),
            context.CancellationToken);
        var write = await hostLoop.SaveNoticeAsync(notice, deliveries, context.CancellationToken);
        followUps.Stored(write != NoticeWrite.Ignored, deliveries);
    }
}
