using SafetyReports.Notification.Storage;
using SafetyReports.Notification.Webhooks;

namespace SafetyReports.UnitTests.Notification;

/// <summary>Attempts are stand-ins that finish when the test releases them; the lanes are observed through what has started.</summary>
public class EndpointLanesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static DeliveryLease NewLease() => new(Guid.NewGuid(), DateTimeOffset.UnixEpoch.AddDays(1));

    private sealed class Attempts
    {
        private readonly Dictionary<Guid, TaskCompletionSource> _release = [];
        private readonly object _gate = new();

        public List<Guid> Started { get; } = [];

        /// <summary>The lease each attempt started with.</summary>
        public Dictionary<Guid, DeliveryLease> StartedWith { get; } = [];

        public SemaphoreSlim StartedSignal { get; } = new(0);

        public Func<DeliveryLease, CancellationToken, Task> For(Guid id)
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _release[id] = release;
            }

            return async (lease, ct) =>
            {
                lock (_gate)
                {
                    Started.Add(id);
                    StartedWith[id] = lease;
                }

                StartedSignal.Release();
                await release.Task.WaitAsync(ct);
            };
        }

        public void Finish(Guid id)
        {
            lock (_gate)
            {
                _release[id].SetResult();
            }
        }

        public async Task WaitForStartsAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.True(await StartedSignal.WaitAsync(Patience, TestContext.Current.CancellationToken), "an attempt that should have started did not");
            }
        }

        public bool HasStarted(Guid id)
        {
            lock (_gate)
            {
                return Started.Contains(id);
            }
        }
    }

    [Fact]
    public async Task A_blocked_endpoint_does_not_hold_back_another_one()
    {
        var attempts = new Attempts();
        var lanes = new EndpointLanes(concurrencyPerEndpoint: 2, capacityPerEndpoint: 4, maxConcurrentOverall: 10);
        var blocked = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in blocked)
        {
            Assert.Equal(Admission.Admitted, lanes.TryAdmit("https://slow.example:443", id, NewLease(), attempts.For(id), TestContext.Current.CancellationToken));
        }

        await attempts.WaitForStartsAsync(2);
        var healthy = Guid.NewGuid();
        Assert.Equal(Admission.Admitted, lanes.TryAdmit("https://fast.example:443", healthy, NewLease(), attempts.For(healthy), TestContext.Current.CancellationToken));
        await attempts.WaitForStartsAsync(1);

        Assert.True(attempts.HasStarted(healthy));
        Assert.Equal(2, blocked.Count(attempts.HasStarted));
    }

    [Fact]
    public async Task A_full_endpoint_refuses_more_and_takes_them_again_once_one_finishes()
    {
        var attempts = new Attempts();
        var freed = new SemaphoreSlim(0);
        var lanes = new EndpointLanes(1, 2, 10, () => freed.Release());
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(Admission.Admitted, lanes.TryAdmit("e", a, NewLease(), attempts.For(a), ct));
        Assert.Equal(Admission.Admitted, lanes.TryAdmit("e", b, NewLease(), attempts.For(b), ct));
        Assert.Equal(Admission.EndpointFull, lanes.TryAdmit("e", c, NewLease(), (_, _) => Task.CompletedTask, ct));
        Assert.Equal(2, lanes.Count);

        await attempts.WaitForStartsAsync(1);
        Assert.Equal([a], attempts.Started);
        Assert.Equal(Admission.AlreadyAdmitted, lanes.TryAdmit("e", a, NewLease(), (_, _) => Task.CompletedTask, ct));
        Assert.Equal(2, lanes.Count);
        attempts.Finish(a);
        Assert.True(await freed.WaitAsync(Patience, TestContext.Current.CancellationToken));
        await attempts.WaitForStartsAsync(1);
        Assert.Equal([a, b], attempts.Started);

        Assert.Equal(Admission.Admitted, lanes.TryAdmit("e", c, NewLease(), attempts.For(c), ct));
        attempts.Finish(b);
        await attempts.WaitForStartsAsync(1);
        attempts.Finish(c);
        Assert.True(await freed.WaitAsync(Patience, TestContext.Current.CancellationToken));
        Assert.True(await freed.WaitAsync(Patience, TestContext.Current.CancellationToken));
        Assert.Equal(0, lanes.Count);
    }

    [Fact]
    public async Task A_delivery_waiting_in_its_lane_takes_a_newer_lease_and_its_attempt_runs_under_it()
    {
        var attempts = new Attempts();
        var lanes = new EndpointLanes(1, 4, 10);
        var (running, waiting) = (Guid.NewGuid(), Guid.NewGuid());
        var ct = TestContext.Current.CancellationToken;
        var first = NewLease();
        Assert.Equal(Admission.Admitted, lanes.TryAdmit("e", running, NewLease(), attempts.For(running), ct));
        Assert.Equal(Admission.Admitted, lanes.TryAdmit("e", waiting, first, attempts.For(waiting), ct));
        await attempts.WaitForStartsAsync(1);

        // The waiting delivery's lease ran out and this dispatcher leased it again: the lane keeps it, under the new lease.
        var newer = NewLease();
        Assert.Equal(Admission.LeaseHandedOver, lanes.TryAdmit("e", waiting, newer, (_, _) => Task.CompletedTask, ct));
        Assert.Equal(2, lanes.Count);

        attempts.Finish(running);
        await attempts.WaitForStartsAsync(1);
        Assert.Equal([running, waiting], attempts.Started);
        Assert.Equal(newer, attempts.StartedWith[waiting]);
        // Once its attempt has started, a newer lease is not the lane's: the dispatcher hands that one back.
        Assert.Equal(Admission.AlreadyAdmitted, lanes.TryAdmit("e", waiting, NewLease(), (_, _) => Task.CompletedTask, ct));
        attempts.Finish(waiting);
    }

    [Fact]
    public async Task The_overall_limit_caps_attempts_across_endpoints()
    {
        var attempts = new Attempts();
        var lanes = new EndpointLanes(4, 4, maxConcurrentOverall: 2);
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            lanes.TryAdmit($"endpoint-{i}", ids[i], NewLease(), attempts.For(ids[i]), TestContext.Current.CancellationToken);
        }

        await attempts.WaitForStartsAsync(2);
        Assert.False(await attempts.StartedSignal.WaitAsync(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken), "a third attempt ran beyond the overall limit");
        attempts.Finish(attempts.Started[0]);
        await attempts.WaitForStartsAsync(1);
        Assert.Equal(3, attempts.Started.Count);
    }

    [Fact]
    public async Task Stopping_cancels_what_waits_and_what_runs()
    {
        var attempts = new Attempts();
        var freed = new SemaphoreSlim(0);
        using var stopping = new CancellationTokenSource();
        var lanes = new EndpointLanes(1, 2, 10, () => freed.Release());
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        lanes.TryAdmit("e", a, NewLease(), attempts.For(a), stopping.Token);
        lanes.TryAdmit("e", b, NewLease(), attempts.For(b), stopping.Token);
        await attempts.WaitForStartsAsync(1);

        await stopping.CancelAsync();

        Assert.True(await freed.WaitAsync(Patience, TestContext.Current.CancellationToken));
        Assert.True(await freed.WaitAsync(Patience, TestContext.Current.CancellationToken));
        Assert.Equal(0, lanes.Count);
        Assert.Equal([a], attempts.Started);
    }
}
