using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using SafetyReports.ServiceDefaults.Messaging;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>The store operations issue 5 added: rotation, health and disabling, route summaries, paging, responses, reminders, deferral, recovery.</summary>
public abstract partial class NotificationStoreContractTests
{
    private static ReportSummary Summary(string status, long version, DateTimeOffset at) =>
        new(status, version, new ModelReference("huggingface", "org/model", "main", null), "hate", "high", "Title", at);

    private static ReportRoute NewRoute(DateTimeOffset firstEventAt, string hostId = "huggingface", Guid? id = null) =>
        new(id ?? Guid.NewGuid(), hostId, "org/model", firstEventAt, null, null, Summary(ReportStatuses.Triaged, 3, firstEventAt));

    private static OutboxMessage Message(string type, DateTimeOffset at) => new(Guid.NewGuid(), type, "{}", at);

    private async Task<(INotificationStore Store, Subscription Subscription)> StoreWithSubscriptionAsync()
    {
        var store = await CreateStoreAsync();
        await store.AddHostAsync(new ModelHost("huggingface", "Hugging Face", "a@example.org", At(0)), Ct);
        var subscription = NewSubscription("huggingface", At(0));
        await store.AddSubscriptionAsync(subscription, Ct);
        return (store, subscription);
    }

    [Fact]
    public async Task A_rotation_applies_only_while_the_secret_it_replaces_still_signs()
    {
        var (store, subscription) = await StoreWithSubscriptionAsync();
        var first = SigningSecrets.Rotate(subscription, "second", At(10), TimeSpan.FromHours(1));
        var concurrent = SigningSecrets.Rotate(subscription, "other", At(10), TimeSpan.FromHours(1));

        Assert.True(await store.RotateSecretAsync(first, subscription.ProtectedSecret, Ct));
        Assert.False(await store.RotateSecretAsync(concurrent, subscription.ProtectedSecret, Ct));

        SameJson(first, await store.GetSubscriptionAsync(subscription.Id, Ct));
        var revoked = SigningSecrets.Rotate(first, "third", At(20), TimeSpan.Zero);
        Assert.True(await store.RotateSecretAsync(revoked, "second", Ct));
        SameJson(revoked, await store.GetSubscriptionAsync(subscription.Id, Ct));
    }

    [Fact]
    public async Task The_failing_period_starts_at_the_first_failure_and_ends_with_a_success()
    {
        var (store, subscription) = await StoreWithSubscriptionAsync();

        Assert.Equal(At(5), (await store.RecordEndpointOutcomeAsync(subscription.Id, false, At(5), Ct))!.FailingSince);
        Assert.Equal(At(5), (await store.RecordEndpointOutcomeAsync(subscription.Id, false, At(9), Ct))!.FailingSince);
        Assert.Null((await store.RecordEndpointOutcomeAsync(subscription.Id, true, At(12), Ct))!.FailingSince);
        Assert.Equal(At(15), (await store.RecordEndpointOutcomeAsync(subscription.Id, false, At(15), Ct))!.FailingSince);
        Assert.Null(await store.RecordEndpointOutcomeAsync(Guid.NewGuid(), false, At(15), Ct));
    }

    [Fact]
    public async Task Disabling_is_announced_once_and_enabling_forgets_the_failing_period_and_reason()
    {
        var (store, subscription) = await StoreWithSubscriptionAsync();
        await store.RecordEndpointOutcomeAsync(subscription.Id, false, At(5), Ct);
        var announcement = Message("SafetyReports.Contracts.WebhookSubscriptionDisabled", At(6));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            store.DisableSubscriptionAsync(subscription.Id, DisabledReasons.Failing, At(6), i == 0 ? announcement : Message("x", At(6)), Ct), Ct)));

        Assert.Single(results, r => r);
        Assert.Single(await store.PeekOutboxAsync(10, Ct));
        SameJson(subscription with { Enabled = false, FailingSince = At(5), DisabledReason = DisabledReasons.Failing, DisabledAt = At(6) },
            await store.GetSubscriptionAsync(subscription.Id, Ct));

        Assert.True(await store.EnableSubscriptionAsync(subscription.Id, Ct));
        SameJson(subscription, await store.GetSubscriptionAsync(subscription.Id, Ct));
    }

    [Fact]
    public async Task A_routes_summary_moves_only_forward()
    {
        var store = await CreateStoreAsync();
        var route = NewRoute(At(0));
        await store.SavePlanAsync(new DeliveryPlan(route, []), Ct);

        await store.SavePlanAsync(new DeliveryPlan(route with { Summary = Summary(ReportStatuses.HostNotified, 5, At(5)) }, []), Ct);
        await store.SavePlanAsync(new DeliveryPlan(route with { Summary = Summary(ReportStatuses.Triaged, 4, At(9)) }, []), Ct);
        await store.SavePlanAsync(new DeliveryPlan(route with { Summary = null }, []), Ct);

        Assert.Equal(route with { Summary = Summary(ReportStatuses.HostNotified, 5, At(5)) }, await store.GetRouteAsync(route.ReportId, route.HostId, Ct));
    }

    [Fact]
    public async Task A_hosts_routes_are_paged_newest_first_without_gaps_or_repeats()
    {
        var store = await CreateStoreAsync();
        // Three share a first-event time: the report id breaks the tie.
        var routes = new[] { NewRoute(At(1)), NewRoute(At(2)), NewRoute(At(2)), NewRoute(At(2)), NewRoute(At(3)) };
        foreach (var route in routes.Append(NewRoute(At(4), "civitai")))
        {
            await store.SavePlanAsync(new DeliveryPlan(route, []), Ct);
        }

        var seen = new List<ReportRoute>();
        RouteCursor? cursor = null;
        do
        {
            var page = await store.GetRoutesAsync("huggingface", cursor, 2, Ct);
            Assert.InRange(page.Items.Count, 1, 2);
            seen.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);

        var expected = routes.OrderByDescending(r => r.FirstEventAt).ThenByDescending(r => r.ReportId.ToString(), StringComparer.Ordinal).ToList();
        Assert.Equal(expected, seen);
        Assert.Empty((await store.GetRoutesAsync("nobody", null, 10, Ct)).Items);
        Assert.Null((await store.GetRoutesAsync("huggingface", null, 5, Ct)).Next);
    }

    [Fact]
    public async Task A_response_is_saved_at_the_revision_read_with_its_events()
    {
        var store = await CreateStoreAsync();
        var route = NewRoute(At(0));
        await store.SavePlanAsync(new DeliveryPlan(route, []), Ct);
        var response = new HostResponse("restricted", "EU", At(86_400), "ToS", false, "note");
        var first = HostResponseRules.Apply(route, response, At(10));
        var events = new[] { Message("HostAcknowledged", At(10)), Message("HostResponded", At(10)) };

        Assert.True(await store.SaveResponseAsync(first.Route, 0, false, events, Ct));
        // A writer that read the route before this response loses.
        Assert.False(await store.SaveResponseAsync(first.Route, 0, false, [Message("late", At(11))], Ct));
        Assert.Equal(first.Route, await store.GetRouteAsync(route.ReportId, route.HostId, Ct));
        Assert.Equal(events, await store.PeekOutboxAsync(10, Ct));

        var second = HostResponseRules.Apply(first.Route, response with { Action = "removed", Until = null }, At(20));
        Assert.False(await store.SaveResponseAsync(second.Route, 1, false, [], Ct));
        Assert.True(await store.SaveResponseAsync(second.Route, 1, true, [Message("HostResponded", At(20))], Ct));
        Assert.Equal(second.Route, await store.GetRouteAsync(route.ReportId, route.HostId, Ct));
        Assert.Equal(3, (await store.PeekOutboxAsync(10, Ct)).Count);
    }

    [Fact]
    public async Task A_response_and_an_acknowledgement_racing_acknowledge_once()
    {
        var store = await CreateStoreAsync();
        var route = NewRoute(At(0));
        await store.SavePlanAsync(new DeliveryPlan(route, []), Ct);
        var decision = HostResponseRules.Apply(route, new HostResponse("no_action", null, null, "fine", false, null), At(10));

        Assert.True((await store.AcknowledgeAsync(route.ReportId, route.HostId, "seen", At(5), Message("HostAcknowledged", At(5)), Ct))!.First);
        Assert.False(await store.SaveResponseAsync(decision.Route, 0, false, [Message("HostAcknowledged", At(10)), Message("HostResponded", At(10))], Ct));
        Assert.Single(await store.PeekOutboxAsync(10, Ct));
    }

    [Fact]
    public async Task Routes_awaiting_acknowledgement_are_found_by_their_last_contact_and_reminded_once()
    {
        var store = await CreateStoreAsync();
        var old = NewRoute(At(0));
        var recent = NewRoute(At(50));
        var acknowledged = NewRoute(At(0));
        var closed = NewRoute(At(0)) with { Summary = Summary(ReportStatuses.Resolved, 9, At(1)) };
        var legacy = NewRoute(At(1)) with { Summary = null };
        foreach (var route in new[] { old, recent, acknowledged, closed, legacy })
        {
            await store.SavePlanAsync(new DeliveryPlan(route, []), Ct);
        }

        await store.AcknowledgeAsync(acknowledged.ReportId, acknowledged.HostId, null, At(2), Message("HostAcknowledged", At(2)), Ct);

        Assert.Equal([old, legacy], await store.GetRoutesAwaitingAcknowledgementAsync(At(10), 10, Ct));
        Assert.Equal([old], await store.GetRoutesAwaitingAcknowledgementAsync(At(10), 1, Ct));

        var reminder = NewDelivery(old.ReportId, At(20)) with { EventType = WebhookEvents.Reminder };
        Assert.True(await store.SaveReminderAsync(old.ReportId, old.HostId, 0, At(20), [reminder], Ct));
        Assert.False(await store.SaveReminderAsync(old.ReportId, old.HostId, 0, At(20), [NewDelivery(old.ReportId, At(20))], Ct));
        Assert.False(await store.SaveReminderAsync(acknowledged.ReportId, acknowledged.HostId, 0, At(20), [], Ct));

        Assert.Equal(old with { LastRemindedAt = At(20), RemindersSent = 1 }, await store.GetRouteAsync(old.ReportId, old.HostId, Ct));
        Assert.Equal([reminder], await store.GetDeliveriesAsync(new DeliveryQuery("huggingface", old.ReportId), Ct));
        Assert.Equal([legacy], await store.GetRoutesAwaitingAcknowledgementAsync(At(10), 10, Ct));
        Assert.Equal([legacy, old with { LastRemindedAt = At(20), RemindersSent = 1 }], await store.GetRoutesAwaitingAcknowledgementAsync(At(20), 10, Ct));
    }

    [Fact]
    public async Task The_delivery_log_filters_by_subscription_and_status()
    {
        var store = await CreateStoreAsync();
        var report = Guid.NewGuid();
        var subscription = Guid.NewGuid();
        var pending = NewDelivery(report, At(1)) with { SubscriptionId = subscription };
        var failed = NewDelivery(report, At(2)) with { SubscriptionId = subscription, Status = DeliveryStatuses.Failed, NextAttemptAt = null };
        var other = NewDelivery(report, At(3));
        await store.SavePlanAsync(new DeliveryPlan(null, [pending, failed, other]), Ct);

        Assert.Equal([failed, pending], await store.GetDeliveriesAsync(new DeliveryQuery("huggingface", SubscriptionId: subscription), Ct));
        Assert.Equal([failed], await store.GetDeliveriesAsync(new DeliveryQuery("huggingface", report, subscription, DeliveryStatuses.Failed), Ct));
        Assert.Equal([other, pending], await store.GetDeliveriesAsync(new DeliveryQuery("huggingface", Status: DeliveryStatuses.Pending), Ct));
    }

    [Fact]
    public async Task A_deferred_delivery_comes_back_at_its_new_time_without_an_attempt()
    {
        var store = await CreateStoreAsync();
        var delivery = NewDelivery(Guid.NewGuid(), At(0));
        await store.SavePlanAsync(new DeliveryPlan(null, [delivery]), Ct);
        var first = Assert.Single(await store.LeaseDueDeliveriesAsync(At(1), Lease, 10, Ct));

        Assert.True(await store.DeferAsync(delivery.Id, first.Lease.Token, At(5), Ct));
        // Deferring ended that lease: its token defers nothing again.
        Assert.False(await store.DeferAsync(delivery.Id, first.Lease.Token, At(50), Ct));

        Assert.Empty(await store.LeaseDueDeliveriesAsync(At(4), Lease, 10, Ct));
        var again = Assert.Single(await store.LeaseDueDeliveriesAsync(At(5), Lease, 10, Ct));
        Assert.Equal(delivery with { NextAttemptAt = At(5) }, again.Delivery);
        Assert.Empty(await store.GetAttemptsAsync(delivery.Id, Ct));
        var done = delivery with { Status = DeliveryStatuses.Succeeded, NextAttemptAt = null };
        Assert.True(await store.CompleteAttemptAsync(done, again.Lease.Token, new DeliveryAttempt(delivery.Id, At(6), 200, 1, null, null), null, Ct));
        Assert.False(await store.DeferAsync(delivery.Id, again.Lease.Token, At(9), Ct));
    }

    [Fact]
    public async Task Recovery_resends_a_subscriptions_failed_deliveries_since_a_time()
    {
        var store = await CreateStoreAsync();
        var subscription = Guid.NewGuid();
        Delivery Failed(double createdAt, Guid? of = null) => NewDelivery(Guid.NewGuid(), At(createdAt)) with
        {
            SubscriptionId = of ?? subscription, Status = DeliveryStatuses.Failed, RoundAttempts = 3, NextAttemptAt = null,
        };
        var before = Failed(1);
        var since = Failed(10);
        var later = Failed(20);
        var otherSubscription = Failed(20, Guid.NewGuid());
        var succeeded = NewDelivery(Guid.NewGuid(), At(20)) with { SubscriptionId = subscription, Status = DeliveryStatuses.Succeeded, NextAttemptAt = null };
        await store.SavePlanAsync(new DeliveryPlan(null, [before, since, later, otherSubscription, succeeded]), Ct);

        Assert.Equal(2, await store.RecoverAsync(subscription, At(10), At(30), Ct));

        Assert.Equal(
            [since with { Status = DeliveryStatuses.Pending, RoundAttempts = 0, NextAttemptAt = At(30) },
             later with { Status = DeliveryStatuses.Pending, RoundAttempts = 0, NextAttemptAt = At(30) }],
            (await LeaseAsync(store, At(30))).OrderBy(d => d.CreatedAt));
        Assert.Equal(before, await store.GetDeliveryAsync(before.Id, Ct));
        Assert.Equal(0, await store.RecoverAsync(Guid.NewGuid(), At(0), At(30), Ct));
    }
}
