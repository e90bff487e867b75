using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SafetyReports.Contracts;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.Notification;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using SafetyReports.Notification.Webhooks;
using SafetyReports.ServiceDefaults.Messaging;

namespace SafetyReports.IntegrationTests.Notification;

/// <summary>The reminder planner on a real store with a clock the test moves: a week apart, once each, never after acknowledgement.</summary>
public sealed class ReminderPlannerTests : IDisposable
{
    private static readonly DateTimeOffset Told = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _data = new("safetyreports-reminders");
    private readonly ManualClock _clock = new(Told);
    private readonly SqliteNotificationStore _store;
    private readonly ReminderPlanner _planner;

    public ReminderPlannerTests()
    {
        _store = new SqliteNotificationStore(Path.Combine(_data.Path, NotificationStoreFactory.SqliteFileName));
        _planner = new ReminderPlanner(_store, _store, new DeliverySignal(), HostReportLinks.PathOnly, Options.Create(new NotificationOptions()), _clock, NullLogger<ReminderPlanner>.Instance);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    [Fact]
    public async Task A_report_is_reminded_weekly_until_acknowledged()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.AddHostAsync(new ModelHost("hub", "Hub", "a@example.org", Told), ct);
        var subscription = new Subscription(Guid.NewGuid(), "hub", "https://hooks.example.org", [WebhookEvents.Triaged], ["**"], "secret", true, Told);
        await _store.AddSubscriptionAsync(subscription, ct);
        var changed = new ReportStatusChanged(Guid.NewGuid(), ReportStatuses.Triaged, null, 3, new ModelReference("hub", "org/model"), "hate", "high", "T", null, Told);
        await _store.SavePlanAsync(DeliveryPlanner.Plan(changed, null, [subscription], HostReportLinks.PathOnly, new RetrySchedule([TimeSpan.Zero]), Told), ct);

        async Task<IReadOnlyList<Delivery>> Reminders() => (await _store.GetDeliveriesAsync(new DeliveryQuery("hub", changed.ReportId), ct))
            .Where(d => d.EventType == WebhookEvents.Reminder).ToList();

        _clock.Now = Told.AddDays(7).AddSeconds(-1);
        await _planner.PlanDueRemindersAsync(ct);
        Assert.Empty(await Reminders());

        _clock.Now = Told.AddDays(7);
        await _planner.PlanDueRemindersAsync(ct);
        await _planner.PlanDueRemindersAsync(ct);
        Assert.Single(await Reminders());

        _clock.Now = Told.AddDays(14);
        await _planner.PlanDueRemindersAsync(ct);
        Assert.Equal(2, (await Reminders()).Count);
        Assert.Equal(2, (await _store.GetRouteAsync(changed.ReportId, "hub", ct))!.RemindersSent);

        await _store.AcknowledgeAsync(changed.ReportId, "hub", null, _clock.Now, OutboxMessage.For(new HostAcknowledged(changed.ReportId, "hub", null, _clock.Now), _clock.Now), ct);
        _clock.Now = Told.AddDays(60);
        await _planner.PlanDueRemindersAsync(ct);
        Assert.Equal(2, (await Reminders()).Count);
    }
}
