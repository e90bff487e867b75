using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SafetyReports.Contracts;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.Notification;
using SafetyReports.Notification.Consumers;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using SafetyReports.Notification.Webhooks;

namespace SafetyReports.IntegrationTests.Notification;

/// <summary>
/// <see cref="PlanWebhookDeliveriesConsumer"/> on MassTransit's test harness and a real SQLite store, fed a report's
/// status events out of order and concurrently: events are not ordered on the bus, and a later one that says the report
/// was triaged opens the route as the triaged one would.
/// </summary>
public sealed class StatusEventOrderTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Triaged = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ModelReference Model = new("hub", "org/model");
    private readonly TempDirectory _data = new("safetyreports-status-order");
    private readonly SqliteNotificationStore _store;
    private readonly Subscription _subscription =
        new(Guid.NewGuid(), "hub", "https://hooks.example.org/a", [WebhookEvents.Triaged, WebhookEvents.Resolved], ["org/*"], "secret", true, Triaged);

    public StatusEventOrderTests()
    {
        _store = new SqliteNotificationStore(Path.Combine(_data.Path, NotificationStoreFactory.SqliteFileName));
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private static ReportStatusChanged Changed(Guid reportId, string status, long version, string? previous, DateTimeOffset? triagedAt) =>
        new(reportId, status, previous, version, Model, "hate", "high", "Unsafe completions", null, Triaged.AddMinutes(version), triagedAt);

    private static ReportStatusChanged TriagedEvent(Guid reportId) => Changed(reportId, ReportStatuses.Triaged, 2, ReportStatuses.Received, Triaged);

    private static ReportStatusChanged ResolvedEvent(Guid reportId) => Changed(reportId, ReportStatuses.Resolved, 3, ReportStatuses.Triaged, Triaged);

    /// <summary>Consumes the events with the consumer as Notification registers it, over <paramref name="store"/>; returns once each was consumed.</summary>
    private static async Task ConsumeAsync(INotificationStore store, params ReportStatusChanged[] events)
    {
        await using var provider = new ServiceCollection()
            .AddNotificationStore(store)
            .AddSingleton<DeliverySignal>()
            .AddSingleton(HostReportLinks.PathOnly)
            .AddSingleton(Options.Create(new NotificationOptions()))
            .AddSingleton(TimeProvider.System)
            // The hosts' mails the consumer queues for a host without a subscription (none here: no host record).
            .AddSingleton(new SafetyReports.ServiceDefaults.Email.EmailOptions())
            .AddSingleton(new SafetyReports.ServiceDefaults.Email.MailProtector(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider()))
            .AddSingleton<SafetyReports.Notification.HostMails>()
            .AddSingleton<SafetyReports.Notification.ReportFanOut>()
            .AddMassTransitTestHarness(x =>
            {
                x.AddConsumer<PlanWebhookDeliveriesConsumer>();
                // The harness answers "not consumed" after this long without bus activity: generous, for a busy machine.
                x.SetTestTimeouts(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30));
            })
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        try
        {
            var consumer = harness.GetConsumerHarness<PlanWebhookDeliveriesConsumer>();
            foreach (var changed in events)
            {
                await harness.Bus.Publish(changed, TestContext.Current.CancellationToken);
            }

            foreach (var changed in events)
            {
                Assert.True(
                    await consumer.Consumed.Any<ReportStatusChanged>(c => c.Context.Message == changed && c.Exception is null, TestContext.Current.CancellationToken),
                    $"the {changed.Status} event was consumed without a fault");
            }
        }
        finally
        {
            await harness.Stop(TestContext.Current.CancellationToken);
        }
    }

    private async Task<IReadOnlyList<string>> PlannedEventsAsync(Guid reportId) =>
        (await _store.GetDeliveriesAsync(new DeliveryQuery("hub", reportId), TestContext.Current.CancellationToken))
        .Select(d => d.EventType).Order(StringComparer.Ordinal).ToList();

    private async Task SubscribeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.AddHostAsync(new ModelHost("hub", "Hub", "security@hub.example", Triaged), ct);
        await _store.AddSubscriptionAsync(_subscription, ct);
    }

    [Fact]
    public async Task A_resolved_event_consumed_before_the_triaged_one_plans_both_webhooks_and_leaves_the_route_resolved()
    {
        await SubscribeAsync();
        var reportId = Guid.NewGuid();

        await ConsumeAsync(_store, ResolvedEvent(reportId));
        await ConsumeAsync(_store, TriagedEvent(reportId));

        Assert.Equal([WebhookEvents.Resolved, WebhookEvents.Triaged], await PlannedEventsAsync(reportId));
        var route = await _store.GetRouteAsync(reportId, Model.Host, TestContext.Current.CancellationToken);
        Assert.Equal((ReportStatuses.Resolved, 3L), (route!.Summary!.Status, route.Summary.Version));
    }

    [Fact]
    public async Task Triaged_and_resolved_consumed_together_before_either_saved_plan_both_webhooks()
    {
        await SubscribeAsync();
        var reportId = Guid.NewGuid();

        // Both consumers read "no route yet" before either writes: the order two concurrent consumers can take.
        await ConsumeAsync(
            InterceptedStore.Wrap(_store, InterceptedStore.HoldUntilTogether(nameof(INotificationStore.GetRouteAsync), callers: 2)),
            TriagedEvent(reportId), ResolvedEvent(reportId));

        Assert.Equal([WebhookEvents.Resolved, WebhookEvents.Triaged], await PlannedEventsAsync(reportId));
        var route = await _store.GetRouteAsync(reportId, Model.Host, TestContext.Current.CancellationToken);
        Assert.Equal((ReportStatuses.Resolved, 3L), (route!.Summary!.Status, route.Summary.Version));
    }

    [Fact]
    public async Task A_report_rejected_before_it_was_ever_triaged_stays_internal()
    {
        await SubscribeAsync();
        var reportId = Guid.NewGuid();

        await ConsumeAsync(_store, Changed(reportId, ReportStatuses.Rejected, 2, ReportStatuses.Received, triagedAt: null));

        Assert.Empty(await PlannedEventsAsync(reportId));
        Assert.Null(await _store.GetRouteAsync(reportId, Model.Host, TestContext.Current.CancellationToken));
    }
}
