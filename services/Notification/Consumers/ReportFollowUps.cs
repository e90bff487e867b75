using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification.Consumers;

/// <summary>Plans the deliveries of an event about a report from its route and its host's subscriptions.</summary>
public delegate IReadOnlyList<Delivery> FollowUpPlan(
    ReportRoute? route, IReadOnlyList<Subscription> hostSubscriptions, HostReportLinks links, RetrySchedule schedule, DateTimeOffset now);

/// <summary>
/// What the consumers of follow-up events (a changed notice, a forwarded contest, a maintainers' message) share:
/// the report's route and its host's subscriptions to plan with, and waking the dispatcher once deliveries are stored.
/// A report whose route is not there yet (events are not ordered) gets no deliveries: its host hears of it by
/// <c>report.triaged</c> and reads the rest in the host API.
/// </summary>
public sealed class ReportFollowUps(
    IRouteStore routes,
    ISubscriptionStore subscriptions,
    DeliverySignal signal,
    HostReportLinks links,
    IOptions<NotificationOptions> options,
    TimeProvider clock)
{
    private readonly RetrySchedule _schedule = options.Value.BuildRetrySchedule();

    /// <summary>Plans an event about the report for one host (a contest, a thread message: each is between the maintainers and one host).</summary>
    public async Task<IReadOnlyList<Delivery>> PlanAsync(Guid reportId, string hostId, FollowUpPlan plan, CancellationToken cancellationToken)
    {
        var route = await routes.GetRouteAsync(reportId, hostId, cancellationToken);
        var hostSubscriptions = route is null ? [] : await subscriptions.GetSubscriptionsAsync(route.HostId, cancellationToken);
        return plan(route, hostSubscriptions, links, _schedule, clock.GetUtcNow());
    }

    /// <summary>Plans an event about the report for every host it reached (a changed notice: every host is shown the same).</summary>
    public async Task<IReadOnlyList<Delivery>> PlanForEveryHostAsync(Guid reportId, FollowUpPlan plan, CancellationToken cancellationToken)
    {
        var deliveries = new List<Delivery>();
        var now = clock.GetUtcNow();
        foreach (var route in await routes.GetRoutesOfReportAsync(reportId, cancellationToken))
        {
            deliveries.AddRange(plan(route, await subscriptions.GetSubscriptionsAsync(route.HostId, cancellationToken), links, _schedule, now));
        }

        return deliveries;
    }

    /// <param name="stored">Whether the store wrote the event (and so its deliveries).</param>
    public void Stored(bool stored, IReadOnlyList<Delivery> deliveries)
    {
        if (stored && deliveries.Count > 0)
        {
            signal.Notify();
        }
    }
}
