using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification.Webhooks;

/// <summary>
/// Plans a <c>report.reminder</c> webhook for every report a host was told about and has not acknowledged,
/// once per reminder interval. The state is in the store (reminders sent, last reminded), so reminders
/// survive restarts; two replicas planning at once record one reminder (compare-and-swap on the count).
/// </summary>
public sealed class ReminderPlanner(
    IRouteStore routes,
    ISubscriptionStore subscriptions,
    DeliverySignal signal,
    HostReportLinks links,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<ReminderPlanner> logger) : PollingLoop(clock, logger)
{
    public const int BatchSize = 100;
    private readonly NotificationOptions _options = options.Value;
    private readonly RetrySchedule _schedule = options.Value.BuildRetrySchedule();

    protected override TimeSpan Interval => _options.ReminderCheckInterval;

    protected override async Task<LoopStep> RunStepAsync(CancellationToken stoppingToken)
    {
        // A full batch may mean more are due; a bounded number of batches per check keeps one check short.
        for (var batch = 0; batch < 10 && await PlanDueRemindersAsync(stoppingToken) == BatchSize; batch++)
        {
        }

        return LoopStep.Idle;
    }

    /// <returns>How many routes were due (a full batch means there may be more).</returns>
    public async Task<int> PlanDueRemindersAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var due = await routes.GetRoutesAwaitingAcknowledgementAsync(now - _options.ReminderInterval, BatchSize, cancellationToken);
        var planned = 0;
        foreach (var route in due.Where(r => ReminderRule.IsDue(r, now, _options.ReminderInterval)))
        {
            var hostSubscriptions = await subscriptions.GetSubscriptionsAsync(route.HostId, cancellationToken);
            var reminder = route.RemindersSent + 1;
            var deliveries = DeliveryPlanner.PlanReminder(route, reminder, hostSubscriptions, links, _schedule, now);
            if (await routes.SaveReminderAsync(route.ReportId, route.HostId, route.RemindersSent, now, deliveries, cancellationToken))
            {
                planned += deliveries.Count;
            }
        }

        if (planned > 0)
        {
            signal.Notify();
        }

        return due.Count;
    }
}
