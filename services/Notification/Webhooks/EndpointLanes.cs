using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification.Webhooks;

public enum Admission
{
    /// <summary>Queued in its endpoint's lane; it runs when a slot of that lane (and an overall slot) is free.</summary>
    Admitted,

    /// <summary>The endpoint's queue is full: hand the delivery back to the store for later.</summary>
    EndpointFull,

    /// <summary>
    /// This delivery already waits in its lane under a lease that ran out while it waited (and this dispatcher leased it
    /// again): the lane takes the new lease, and the attempt runs under it. The lease stays held.
    /// </summary>
    LeaseHandedOver,

    /// <summary>
    /// This delivery's attempt has started here already: mostly it has recorded its outcome and not yet left its lane (a
    /// replay or a zero retry delay made it due again at once); rarely it overran its lease. No attempt here uses the new lease.
    /// </summary>
    AlreadyAdmitted,
}

/// <summary>
/// One lane per endpoint (scheme, host, port): at most <c>concurrencyPerEndpoint</c> attempts run at once
/// in a lane and at most <c>capacityPerEndpoint</c> wait or run in it, so a slow or black-holed receiver
/// ties up its own lane and a few overall slots, never the deliveries to everyone else. Each waiting delivery
/// keeps the lease it was admitted with, or the newer one handed to it, and its attempt starts with that lease.
/// </summary>
public sealed class EndpointLanes(int concurrencyPerEndpoint, int capacityPerEndpoint, int maxConcurrentOverall, Action? onFreed = null)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Lane> _lanes = [];
    private readonly Dictionary<Guid, Entry> _admitted = [];
    private readonly SemaphoreSlim _overall = new(maxConcurrentOverall, maxConcurrentOverall);

    /// <summary>Deliveries queued or running in every lane.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _admitted.Count;
            }
        }
    }

    /// <param name="attempt">Runs once a slot is free, with the lease the delivery holds then.</param>
    public Admission TryAdmit(
        string endpoint, Guid deliveryId, DeliveryLease lease, Func<DeliveryLease, CancellationToken, Task> attempt, CancellationToken cancellationToken)
    {
        Lane lane;
        Entry entry;
        lock (_gate)
        {
            if (_admitted.TryGetValue(deliveryId, out var admitted))
            {
                if (admitted.Started)
                {
                    return Admission.AlreadyAdmitted;
                }

                admitted.Lease = lease;
                return Admission.LeaseHandedOver;
            }

            if (!_lanes.TryGetValue(endpoint, out lane!))
            {
                lane = new Lane(concurrencyPerEndpoint);
                _lanes[endpoint] = lane;
            }

            if (lane.Admitted >= capacityPerEndpoint)
            {
                return Admission.EndpointFull;
            }

            lane.Admitted++;
            entry = new Entry(lease);
            _admitted.Add(deliveryId, entry);
        }

        _ = RunAsync(endpoint, lane, deliveryId, entry, attempt, cancellationToken);
        return Admission.Admitted;
    }

    private async Task RunAsync(
        string endpoint, Lane lane, Guid deliveryId, Entry entry, Func<DeliveryLease, CancellationToken, Task> attempt, CancellationToken cancellationToken)
    {
        try
        {
            await lane.Slots.WaitAsync(cancellationToken);
            try
            {
                await _overall.WaitAsync(cancellationToken);
                try
                {
                    DeliveryLease lease;
                    lock (_gate)
                    {
                        entry.Started = true;
                        lease = entry.Lease;
                    }

                    await attempt(lease, cancellationToken);
                }
                finally
                {
                    _overall.Release();
                }
            }
            finally
            {
                lane.Slots.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and another dispatcher (or this one, restarted) takes it.
        }
        finally
        {
            lock (_gate)
            {
                _admitted.Remove(deliveryId);
                if (--lane.Admitted == 0)
                {
                    _lanes.Remove(endpoint);
                }
            }

            onFreed?.Invoke();
        }
    }

    private sealed class Lane(int concurrency)
    {
        public SemaphoreSlim Slots { get; } = new(concurrency, concurrency);

        public int Admitted { get; set; }
    }

    /// <summary>A delivery in a lane: the lease it holds, and whether its attempt has started (then the lease is fixed).</summary>
    private sealed class Entry(DeliveryLease lease)
    {
        public DeliveryLease Lease { get; set; } = lease;

        public bool Started { get; set; }
    }
}
