using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.Notification;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using SafetyReports.Notification.Webhooks;

namespace SafetyReports.IntegrationTests.Notification;

/// <summary>
/// Webhook dispatchers as two replicas: two store instances on one SQLite file, one clock the test moves, and receivers
/// that answer when the test says. A replica that stalls past its lease (here: its request held) cannot record over what
/// the lease's next holder did, and a lease that a delivery waiting in its lane holds is never handed back to the store.
/// </summary>
public sealed class DispatcherLeaseTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = DispatcherReplica.Start;
    private static readonly string Secret = "whsec_" + Convert.ToBase64String(new byte[24]);
    private readonly TempDirectory _data = new("safetyreports-leases");
    private readonly ManualClock _clock = new(Start);
    private readonly WebhookSecretProtector _secrets = new(new EphemeralDataProtectionProvider());
    private readonly List<DispatcherReplica> _replicas = [];

    private string StorePath => Path.Combine(_data.Path, NotificationStoreFactory.SqliteFileName);

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private DispatcherReplica NewReplica(HeldEndpoint endpoint, TimeSpan pollInterval)
    {
        var replica = new DispatcherReplica(StorePath, _clock, DispatcherReplica.TestOptions(pollInterval), endpoint, _secrets);
        _replicas.Add(replica);
        return replica;
    }

    [Fact]
    public async Task A_replica_paused_past_its_lease_cannot_overwrite_the_success_another_replica_recorded()
    {
        var ct = TestContext.Current.CancellationToken;
        var held = new HeldEndpoint();
        // The stalled replica does not poll meanwhile: it would only find the delivery leased or done.
        var paused = NewReplica(held, TimeSpan.FromHours(1));
        var other = NewReplica(new HeldEndpoint { AnswerAtOnce = HttpStatusCode.NoContent }, TimeSpan.FromMilliseconds(20));
        var delivery = (await DispatcherReplica.PlanAsync(paused.Store, _secrets.Protect(Secret), Start))[0];

        await paused.Dispatcher.StartAsync(ct);
        Assert.Equal(delivery.WebhookId, await held.NextArrivalAsync());
        await paused.LeaseCallAsync(leased => leased.Count == 0);

        // Its request hangs past the lease; the other replica leases the delivery and delivers it.
        _clock.Now = Start + paused.Options.Lease + TimeSpan.FromSeconds(1);
        await other.Dispatcher.StartAsync(ct);
        await Eventually.UntilAsync(async () => (await other.Store.GetDeliveryAsync(delivery.Id, ct))!.Status == DeliveryStatuses.Succeeded,
            TimeSpan.FromSeconds(30), "the other replica to deliver");
        await other.Dispatcher.StopAsync(ct);

        // The stalled request ends with a 500, which alone would schedule a retry.
        held.Answer(delivery.WebhookId, HttpStatusCode.InternalServerError);
        Assert.False(await paused.CompletionAsync(delivery.Id));

        var stored = await other.Store.GetDeliveryAsync(delivery.Id, ct);
        Assert.Equal((DeliveryStatuses.Succeeded, 1), (stored!.Status, stored.RoundAttempts));
        Assert.Equal([204], (await other.Store.GetAttemptsAsync(delivery.Id, ct)).Select(a => a.StatusCode));
    }

    [Fact]
    public async Task A_replica_paused_past_its_lease_cannot_overwrite_a_replay_made_meanwhile()
    {
        var ct = TestContext.Current.CancellationToken;
        var held = new HeldEndpoint();
        var paused = NewReplica(held, TimeSpan.FromHours(1));
        var other = NewReplica(new HeldEndpoint(), TimeSpan.FromHours(1));
        var delivery = (await DispatcherReplica.PlanAsync(paused.Store, _secrets.Protect(Secret), Start))[0];

        await paused.Dispatcher.StartAsync(ct);
        Assert.Equal(delivery.WebhookId, await held.NextArrivalAsync());
        await paused.LeaseCallAsync(leased => leased.Count == 0);

        // Its lease over, the host asks for the delivery again before the stalled attempt is recorded.
        _clock.Now = Start + paused.Options.Lease + TimeSpan.FromSeconds(1);
        Assert.True(await other.Store.ReplayAsync(delivery.Id, _clock.Now, ct));
        held.Answer(delivery.WebhookId, HttpStatusCode.NoContent);
        Assert.False(await paused.CompletionAsync(delivery.Id));

        // The replay stands: the delivery goes out again, and that attempt is the one recorded.
        Assert.Equal(delivery.WebhookId, await held.NextArrivalAsync());
        Assert.True(await paused.CompletionAsync(delivery.Id));
        var stored = await other.Store.GetDeliveryAsync(delivery.Id, ct);
        Assert.Equal((DeliveryStatuses.Succeeded, 1), (stored!.Status, stored.RoundAttempts));
        Assert.Single(await other.Store.GetAttemptsAsync(delivery.Id, ct));
    }

    [Fact]
    public async Task A_delivery_waiting_in_its_lane_keeps_its_renewed_lease_and_is_sent_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var held = new HeldEndpoint();
        var replica = NewReplica(held, TimeSpan.FromMilliseconds(20));
        var other = NewReplica(new HeldEndpoint(), TimeSpan.FromHours(1));
        var deliveries = await DispatcherReplica.PlanAsync(replica.Store, _secrets.Protect(Secret), Start.AddSeconds(-1), Start);
        var (running, waiting) = (deliveries[0], deliveries[1]);

        // One attempt at a time per endpoint: the first one hangs, the second waits in the lane behind it.
        await replica.Dispatcher.StartAsync(ct);
        Assert.Equal(running.WebhookId, await held.NextArrivalAsync());
        await replica.LeaseCallAsync(leased => leased.Count == 0);

        // Both leases run out; the dispatcher leases both again. The waiting delivery's lane takes the new lease.
        _clock.Now = Start + replica.Options.Lease + TimeSpan.FromSeconds(1);
        await replica.LeaseCallAsync(leased => leased.Any(l => l.Delivery.Id == waiting.Id));
        await replica.LeaseCallAsync(_ => true);

        // So another replica cannot take it, however long it looks.
        var taken = await other.Store.LeaseDueDeliveriesAsync(_clock.Now + TimeSpan.FromMinutes(1), replica.Options.Lease, 10, ct);
        Assert.DoesNotContain(taken, l => l.Delivery.Id == waiting.Id);

        held.Answer(waiting.WebhookId, HttpStatusCode.NoContent);
        held.Answer(running.WebhookId, HttpStatusCode.NoContent);
        Assert.True(await replica.CompletionAsync(waiting.Id));
        Assert.Equal(1, held.Received.Count(id => id == waiting.WebhookId));
        Assert.Equal(DeliveryStatuses.Succeeded, (await replica.Store.GetDeliveryAsync(waiting.Id, ct))!.Status);
    }
}
