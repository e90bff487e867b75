using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using SafetyReports.ServiceDefaults.Messaging;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>
/// Two replicas over the same data, and a clock the tests set (each call names its time): a replica that paused longer
/// than its lease finds that the lease token it holds completes, defers and renews nothing any more.
/// </summary>
public abstract partial class NotificationStoreContractTests
{
    /// <summary>Another store instance over the same data as the last <see cref="CreateStoreAsync"/>: what a second replica has.</summary>
    protected abstract Task<INotificationStore> OpenOtherReplicaAsync();

    private async Task<(INotificationStore Paused, INotificationStore Other, Delivery Delivery)> TwoReplicasAsync()
    {
        var paused = await CreateStoreAsync();
        var other = await OpenOtherReplicaAsync();
        var delivery = NewDelivery(Guid.NewGuid(), At(0));
        await paused.SavePlanAsync(new DeliveryPlan(null, [delivery]), Ct);
        return (paused, other, delivery);
    }

    [Fact]
    public async Task A_replica_paused_past_its_lease_cannot_overwrite_the_success_another_replica_recorded()
    {
        var (paused, other, delivery) = await TwoReplicasAsync();
        var stale = Assert.Single(await paused.LeaseDueDeliveriesAsync(At(1), Lease, 10, Ct));
        Assert.Empty(await other.LeaseDueDeliveriesAsync(At(30), Lease, 10, Ct));

        // The first replica stalls past its lease (until 31 s); the other one leases the delivery and delivers it.
        var current = Assert.Single(await other.LeaseDueDeliveriesAsync(At(31), Lease, 10, Ct));
        var succeeded = delivery with { Status = DeliveryStatuses.Succeeded, RoundAttempts = 1, NextAttemptAt = null, LastAttemptAt = At(32) };
        var delivered = new DeliveryAttempt(delivery.Id, At(32), 204, 40, null, null);
        var announcement = new OutboxMessage(Guid.NewGuid(), "SafetyReports.Contracts.WebhookDelivered", "{}", At(32));
        Assert.True(await other.CompleteAttemptAsync(succeeded, current.Lease.Token, delivered, announcement, Ct));

        // The stalled replica wakes up with the outcome of its own attempt: a 500, to be retried.
        var retrying = delivery with { RoundAttempts = 1, NextAttemptAt = At(40), LastAttemptAt = At(33) };
        Assert.False(await paused.RenewLeaseAsync(delivery.Id, stale.Lease.Token, At(100), Ct));
        Assert.False(await paused.CompleteAttemptAsync(retrying, stale.Lease.Token, new DeliveryAttempt(delivery.Id, At(33), 500, 9, null, null), null, Ct));
        Assert.False(await paused.DeferAsync(delivery.Id, stale.Lease.Token, At(40), Ct));

        Assert.Equal(succeeded, await paused.GetDeliveryAsync(delivery.Id, Ct));
        Assert.Equal([delivered], await paused.GetAttemptsAsync(delivery.Id, Ct));
        Assert.Equal([announcement], await paused.PeekOutboxAsync(10, Ct));
        Assert.Empty(await paused.LeaseDueDeliveriesAsync(At(1000), Lease, 10, Ct));
    }

    [Fact]
    public async Task A_replica_paused_past_its_lease_cannot_overwrite_a_replay_made_meanwhile()
    {
        var (paused, other, delivery) = await TwoReplicasAsync();
        var stale = Assert.Single(await paused.LeaseDueDeliveriesAsync(At(1), Lease, 10, Ct));

        // Its lease over, the delivery is replayed (a host asked for it again) before the stalled replica records its attempt.
        Assert.True(await other.ReplayAsync(delivery.Id, At(31), Ct));
        var succeeded = delivery with { Status = DeliveryStatuses.Succeeded, RoundAttempts = 1, NextAttemptAt = null, LastAttemptAt = At(33) };
        Assert.False(await paused.CompleteAttemptAsync(succeeded, stale.Lease.Token, new DeliveryAttempt(delivery.Id, At(33), 204, 9, null, null), null, Ct));
        Assert.False(await paused.DeferAsync(delivery.Id, stale.Lease.Token, At(40), Ct));

        var replayed = delivery with { NextAttemptAt = At(31) };
        Assert.Equal(replayed, await other.GetDeliveryAsync(delivery.Id, Ct));
        Assert.Empty(await other.GetAttemptsAsync(delivery.Id, Ct));
        Assert.Equal([replayed], await LeaseAsync(other, At(32)));
    }

    [Fact]
    public async Task A_lease_is_renewed_only_by_its_own_token_while_it_holds_the_delivery()
    {
        var (first, other, delivery) = await TwoReplicasAsync();
        var lease = Assert.Single(await first.LeaseDueDeliveriesAsync(At(1), Lease, 10, Ct));

        Assert.False(await first.RenewLeaseAsync(delivery.Id, Guid.NewGuid(), At(100), Ct));
        Assert.False(await first.RenewLeaseAsync(Guid.NewGuid(), lease.Lease.Token, At(100), Ct));
        Assert.True(await first.RenewLeaseAsync(delivery.Id, lease.Lease.Token, At(100), Ct));

        Assert.Empty(await other.LeaseDueDeliveriesAsync(At(99), Lease, 10, Ct));
        var taken = Assert.Single(await other.LeaseDueDeliveriesAsync(At(100), Lease, 10, Ct));
        Assert.False(await first.RenewLeaseAsync(delivery.Id, lease.Lease.Token, At(200), Ct));
        var failed = delivery with { Status = DeliveryStatuses.Failed, RoundAttempts = 1, NextAttemptAt = null, LastAttemptAt = At(101) };
        Assert.True(await other.CompleteAttemptAsync(failed, taken.Lease.Token, new DeliveryAttempt(delivery.Id, At(101), 410, 5, null, null), null, Ct));
        // A finished delivery holds no lease to renew.
        Assert.False(await other.RenewLeaseAsync(delivery.Id, taken.Lease.Token, At(200), Ct));
    }
}
