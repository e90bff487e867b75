using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using SafetyReports.ServiceDefaults.Messaging;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>What every <see cref="INotificationStore"/> adapter must do; a subclass per adapter runs it.</summary>
public abstract partial class NotificationStoreContractTests : IAsyncDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>A new, empty store for this test.</summary>
    protected abstract Task<INotificationStore> CreateStoreAsync();

    protected abstract ValueTask DisposeStoreAsync();

    public async ValueTask DisposeAsync()
    {
        await DisposeStoreAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_host_is_added_once()
    {
        var store = await CreateStoreAsync();
        var host = new ModelHost("huggingface", "Hugging Face", "safety@example.org", At(0));

        Assert.True(await store.AddHostAsync(host, Ct));
        Assert.False(await store.AddHostAsync(host with { Name = "Other" }, Ct));

        Assert.Equal(host, await store.GetHostAsync("huggingface", Ct));
        Assert.Null(await store.GetHostAsync("civitai", Ct));

        var other = new ModelHost("civitai", "Civitai", "trust@example.org", At(1));
        await store.AddHostAsync(other, Ct);
        Assert.Equal([other, host], await store.GetHostsAsync(Ct));
    }

    [Fact]
    public async Task Subscriptions_are_kept_per_host_oldest_first_and_can_be_changed()
    {
        var store = await CreateStoreAsync();
        await store.AddHostAsync(new ModelHost("huggingface", "Hugging Face", "a@example.org", At(0)), Ct);
        await store.AddHostAsync(new ModelHost("civitai", "Civitai", "b@example.org", At(0)), Ct);
        var newer = NewSubscription("huggingface", At(2));
        var older = NewSubscription("huggingface", At(1)) with { Events = ["report.triaged", "report.resolved"], ModelPatterns = ["org/*", "other/x"] };
        var elsewhere = NewSubscription("civitai", At(1));
        foreach (var subscription in new[] { newer, older, elsewhere })
        {
            await store.AddSubscriptionAsync(subscription, Ct);
        }

        SameJson<IReadOnlyList<Subscription>>([older, newer], await store.GetSubscriptionsAsync("huggingface", Ct));
        SameJson<IReadOnlyList<Subscription>>([elsewhere], await store.GetSubscriptionsAsync("civitai", Ct));
        Assert.Empty(await store.GetSubscriptionsAsync("nobody", Ct));
        SameJson(older, await store.GetSubscriptionAsync(older.Id, Ct));
        Assert.Null(await store.GetSubscriptionAsync(Guid.NewGuid(), Ct));

        var rotated = older with { ProtectedSecret = "rotated", PreviousProtectedSecret = older.ProtectedSecret, PreviousSecretExpiresAt = At(100) };
        Assert.True(await store.RotateSecretAsync(rotated, older.ProtectedSecret, Ct));
        Assert.True(await store.DisableSubscriptionAsync(older.Id, DisabledReasons.Manual, At(3), null, Ct));
        // Disabling a disabled subscription changes nothing and says so.
        Assert.False(await store.DisableSubscriptionAsync(older.Id, DisabledReasons.Gone, At(4), null, Ct));
        Assert.False(await store.RotateSecretAsync(rotated with { Id = Guid.NewGuid() }, "x", Ct));
        Assert.False(await store.EnableSubscriptionAsync(Guid.NewGuid(), Ct));
        SameJson(rotated with { Enabled = false, DisabledReason = DisabledReasons.Manual, DisabledAt = At(3) }, await store.GetSubscriptionAsync(older.Id, Ct));
        SameJson(newer, await store.GetSubscriptionAsync(newer.Id, Ct));
    }

    [Fact]
    public async Task Saving_a_plan_again_adds_nothing_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var reportId = Guid.NewGuid();
        var route = new ReportRoute(reportId, "huggingface", "org/model", At(0), null, null);
        var first = NewDelivery(reportId, At(0));
        var second = NewDelivery(reportId, At(1));
        await store.SavePlanAsync(new DeliveryPlan(route, [first, second]), Ct);

        var repeated = first with { Payload = "{\"changed\":true}", NextAttemptAt = At(50), CreatedAt = At(50) };
        var third = NewDelivery(reportId, At(2));
        await store.SavePlanAsync(new DeliveryPlan(route with { FirstEventAt = At(9), ModelId = "org/changed" }, [repeated, third]), Ct);
        await store.SavePlanAsync(new DeliveryPlan(null, [first]), Ct);
        await store.SavePlanAsync(new DeliveryPlan(null, []), Ct);

        Assert.Equal(route, await store.GetRouteAsync(reportId, "huggingface", Ct));
        Assert.Equal(first, await store.GetDeliveryAsync(first.Id, Ct));
        Assert.Equal([third, second, first], await store.GetDeliveriesAsync(new DeliveryQuery("huggingface", Max: 10), Ct));
        Assert.Null(await store.GetRouteAsync(Guid.NewGuid(), "huggingface", Ct));
        Assert.Null(await store.GetDeliveryAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Deliveries_are_listed_per_host_and_report_newest_first()
    {
        var store = await CreateStoreAsync();
        var report = Guid.NewGuid();
        var otherReport = Guid.NewGuid();
        var a = NewDelivery(report, At(1));
        var b = NewDelivery(otherReport, At(2));
        var c = NewDelivery(report, At(3));
        var elsewhere = NewDelivery(report, At(4)) with { HostId = "civitai" };
        await store.SavePlanAsync(new DeliveryPlan(null, [a, b, c, elsewhere]), Ct);

        Assert.Equal([c, b, a], await store.GetDeliveriesAsync(new DeliveryQuery("huggingface", Max: 10), Ct));
        Assert.Equal([c, b], await store.GetDeliveriesAsync(new DeliveryQuery("huggingface", Max: 2), Ct));
        Assert.Equal([c, a], await store.GetDeliveriesAsync(new DeliveryQuery("huggingface", report, Max: 10), Ct));
        Assert.Equal([elsewhere], await store.GetDeliveriesAsync(new DeliveryQuery("civitai", Max: 10), Ct));
        Assert.Empty(await store.GetDeliveriesAsync(new DeliveryQuery("huggingface", Guid.NewGuid(), Max: 10), Ct));
    }

    [Fact]
    public async Task Due_deliveries_are_leased_in_time_order_and_not_due_again_until_the_lease_ends()
    {
        var store = await CreateStoreAsync();
        var report = Guid.NewGuid();
        var later = NewDelivery(report, At(0)) with { NextAttemptAt = At(5) };
        var sooner = NewDelivery(report, At(0)) with { NextAttemptAt = At(1) };
        var notYet = NewDelivery(report, At(0)) with { NextAttemptAt = At(50) };
        var done = NewDelivery(report, At(0)) with { Status = DeliveryStatuses.Succeeded, NextAttemptAt = At(1) };
        var unscheduled = NewDelivery(report, At(0)) with { NextAttemptAt = null };
        await store.SavePlanAsync(new DeliveryPlan(null, [later, sooner, notYet, done, unscheduled]), Ct);

        Assert.Equal([sooner], await LeaseAsync(store, At(10), 1));
        Assert.Equal([later], await LeaseAsync(store, At(10)));
        Assert.Empty(await store.LeaseDueDeliveriesAsync(At(10), Lease, 10, Ct));
        Assert.Empty(await store.LeaseDueDeliveriesAsync(At(39.999), Lease, 10, Ct));

        // At the end of the lease (the dispatcher died) both are due again, in order.
        Assert.Equal([sooner, later], await LeaseAsync(store, At(40)));
        // Those two are leased again until 70 s; only the delivery due at 50 s is left.
        Assert.Equal([notYet], await LeaseAsync(store, At(60)));
    }

    [Fact]
    public async Task Concurrent_lease_calls_never_return_the_same_delivery()
    {
        var store = await CreateStoreAsync();
        var report = Guid.NewGuid();
        var deliveries = Enumerable.Range(0, 20).Select(i => NewDelivery(report, At(0)) with { NextAttemptAt = At(i / 10.0) }).ToList();
        await store.SavePlanAsync(new DeliveryPlan(null, deliveries), Ct);

        for (var round = 0; round < 3; round++)
        {
            var now = At(10 + round * 100);
            var leases = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
                Task.Run(() => store.LeaseDueDeliveriesAsync(now, Lease, 4, Ct), Ct)));
            var leased = leases.SelectMany(l => l).Select(l => l.Delivery.Id).ToList();

            Assert.Equal(leased.Count, leased.Distinct().Count());
            Assert.Equal(deliveries.Select(d => d.Id).Order(), leased.Order());
            Assert.All(leases, l => Assert.True(l.Count <= 4));
        }
    }

    [Fact]
    public async Task Completing_an_attempt_records_it_with_the_new_state_and_its_event()
    {
        var store = await CreateStoreAsync();
        var delivery = NewDelivery(Guid.NewGuid(), At(0)) with { NextAttemptAt = At(0) };
        await store.SavePlanAsync(new DeliveryPlan(null, [delivery]), Ct);
        var first = Assert.Single(await store.LeaseDueDeliveriesAsync(At(1), Lease, 10, Ct));

        // A failed attempt: retried at 6 s, which the lease (until 31 s) must not hold back.
        var failedAttempt = new DeliveryAttempt(delivery.Id, At(1), 503, 120, null, "busy");
        var retrying = delivery with { RoundAttempts = 1, NextAttemptAt = At(6), LastAttemptAt = At(1) };
        Assert.True(await store.CompleteAttemptAsync(retrying, first.Lease.Token, failedAttempt, null, Ct));
        Assert.Equal(retrying, await store.GetDeliveryAsync(delivery.Id, Ct));
        Assert.Empty(await store.PeekOutboxAsync(10, Ct));
        var second = Assert.Single(await store.LeaseDueDeliveriesAsync(At(6), Lease, 10, Ct));
        Assert.Equal(retrying, second.Delivery);
        Assert.NotEqual(first.Lease.Token, second.Lease.Token);
        Assert.Equal(At(6) + Lease, second.Lease.Until);

        var succeededAttempt = new DeliveryAttempt(delivery.Id, At(6), null, 10_000, "timed out", null);
        var succeeded = retrying with { Status = DeliveryStatuses.Succeeded, RoundAttempts = 2, NextAttemptAt = null, LastAttemptAt = At(6) };
        var announcement = new OutboxMessage(Guid.NewGuid(), "SafetyReports.Contracts.WebhookDelivered", "{}", At(6));
        // The first lease's token completes nothing any more.
        Assert.False(await store.CompleteAttemptAsync(succeeded, first.Lease.Token, succeededAttempt, announcement, Ct));
        Assert.True(await store.CompleteAttemptAsync(succeeded, second.Lease.Token, succeededAttempt, announcement, Ct));

        Assert.Equal(succeeded, await store.GetDeliveryAsync(delivery.Id, Ct));
        Assert.Equal([failedAttempt, succeededAttempt], await store.GetAttemptsAsync(delivery.Id, Ct));
        Assert.Equal([announcement], await store.PeekOutboxAsync(10, Ct));
        Assert.Empty(await store.LeaseDueDeliveriesAsync(At(1000), Lease, 10, Ct));
        Assert.Empty(await store.GetAttemptsAsync(Guid.NewGuid(), Ct));

        await store.RemoveFromOutboxAsync([announcement.Id], Ct);
        Assert.Empty(await store.PeekOutboxAsync(10, Ct));
    }

    [Fact]
    public async Task The_first_acknowledgement_is_recorded_and_announced_once()
    {
        var store = await CreateStoreAsync();
        var reportId = Guid.NewGuid();
        var route = new ReportRoute(reportId, "huggingface", "org/model", At(0), null, null);
        await store.SavePlanAsync(new DeliveryPlan(route, []), Ct);
        var announcement = new OutboxMessage(Guid.NewGuid(), "SafetyReports.Contracts.HostAcknowledged", "{}", At(5));

        Assert.Null(await store.AcknowledgeAsync(Guid.NewGuid(), "huggingface", "note", At(5), announcement, Ct));
        Assert.Empty(await store.PeekOutboxAsync(10, Ct));

        var first = await store.AcknowledgeAsync(reportId, "huggingface", "on it", At(5).AddTicks(9999), announcement, Ct);
        Assert.Equal(new AcknowledgeResult(At(5), true), first);

        var again = new OutboxMessage(Guid.NewGuid(), "SafetyReports.Contracts.HostAcknowledged", "{}", At(7));
        Assert.Equal(new AcknowledgeResult(At(5), false), await store.AcknowledgeAsync(reportId, "huggingface", "again", At(7), again, Ct));

        Assert.Equal(route with { AcknowledgedAt = At(5), AcknowledgementNote = "on it" }, await store.GetRouteAsync(reportId, "huggingface", Ct));
        Assert.Equal([announcement], await store.PeekOutboxAsync(10, Ct));
    }

    [Fact]
    public async Task Concurrent_acknowledgements_are_announced_once()
    {
        var store = await CreateStoreAsync();
        var reportId = Guid.NewGuid();
        await store.SavePlanAsync(new DeliveryPlan(new ReportRoute(reportId, "huggingface", "org/model", At(0), null, null), []), Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => store.AcknowledgeAsync(
            reportId, "huggingface", $"note {i}", At(10 + i), new OutboxMessage(Guid.NewGuid(), "HostAcknowledged", "{}", At(10 + i)), Ct), Ct)));

        var winner = Assert.Single(results, r => r!.First);
        Assert.All(results, r => Assert.Equal(winner!.AcknowledgedAt, r!.AcknowledgedAt));
        Assert.Single(await store.PeekOutboxAsync(10, Ct));
    }

    [Fact]
    public async Task A_replay_puts_the_delivery_back_in_the_queue_with_a_fresh_round()
    {
        var store = await CreateStoreAsync();
        var planned = NewDelivery(Guid.NewGuid(), At(0));
        var leased = NewDelivery(Guid.NewGuid(), At(1));
        await store.SavePlanAsync(new DeliveryPlan(null, [planned, leased]), Ct);
        var lease = Assert.Single(await store.LeaseDueDeliveriesAsync(At(50), Lease, 1, Ct));
        Assert.Equal(planned, lease.Delivery);
        var failed = planned with { Status = DeliveryStatuses.Failed, RoundAttempts = 8, NextAttemptAt = null, LastAttemptAt = At(50) };
        Assert.True(await store.CompleteAttemptAsync(failed, lease.Lease.Token, new DeliveryAttempt(planned.Id, At(50), 500, 5, null, null), null, Ct));
        Assert.Equal([leased], await LeaseAsync(store, At(60)));

        Assert.True(await store.ReplayAsync(failed.Id, At(60), Ct));
        // An attempt holds the other one: resetting it would let a second attempt run beside it.
        Assert.False(await store.ReplayAsync(leased.Id, At(61), Ct));
        Assert.False(await store.ReplayAsync(Guid.NewGuid(), At(60), Ct));

        var replayed = failed with { Status = DeliveryStatuses.Pending, RoundAttempts = 0, NextAttemptAt = At(60) };
        Assert.Equal(replayed, await store.GetDeliveryAsync(failed.Id, Ct));
        Assert.Equal([replayed], await LeaseAsync(store, At(61)));

        var leaseOver = At(60) + Lease;
        Assert.True(await store.ReplayAsync(leased.Id, leaseOver, Ct));
        Assert.Equal(leased with { NextAttemptAt = leaseOver }, await store.GetDeliveryAsync(leased.Id, Ct));
    }

    [Fact]
    public async Task The_store_answers_a_ping()
    {
        var store = await CreateStoreAsync();
        await store.PingAsync(Ct);
    }

    protected static Subscription NewSubscription(string hostId, DateTimeOffset createdAt) => new(
        Guid.NewGuid(), hostId, "https://hooks.example.org/" + hostId, ["report.triaged"], ["org/*"], "protected-secret", true, createdAt);

    /// <summary>Leases as a dispatcher does; the deliveries leased, without their leases.</summary>
    protected static async Task<IReadOnlyList<Delivery>> LeaseAsync(INotificationStore store, DateTimeOffset now, int max = 10) =>
        (await store.LeaseDueDeliveriesAsync(now, Lease, max, Ct)).Select(l => l.Delivery).ToList();

    protected static Delivery NewDelivery(Guid reportId, DateTimeOffset createdAt)
    {
        var id = Guid.NewGuid();
        return new Delivery(
            id, Guid.NewGuid(), "huggingface", reportId, "report.triaged", $"msg_{id:N}", "{\"type\":\"report.triaged\"}",
            DeliveryStatuses.Pending, 0, createdAt, createdAt, null);
    }
}
