using MassTransit;
using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification.Consumers;

/// <summary>Records a contest the maintainers forwarded to the host (once per contest) and tells the host with <c>report.contested</c>.</summary>
public sealed class StoreForwardedContestConsumer(IHostLoopStore hostLoop, ReportFollowUps followUps) : IConsumer<ContestForwarded>
{
    public async Task Consume(ConsumeContext<ContestForwarded> context)
    {
        var contest = HostContest.From(context.Message);
        var deliveries = await followUps.PlanAsync(contest.ReportId, contest.HostId,
            (route, subscriptions, links, schedule, now) => DeliveryPlanner.PlanContest(contest, route, subscriptions, links, schedule, now),
            context.CancellationToken);
        followUps.Stored(await hostLoop.AddContestAsync(contest, deliveries, context.CancellationToken), deliveries);
    }
}
