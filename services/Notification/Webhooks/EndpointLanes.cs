namespace SafetyReports.Notification.Webhooks;

public enum Admission
{
    /// <summary>Queued in its endpoint's lane; it runs when a slot of that lane (and an overall slot) is free.</summary>
    Admitted,

    /// <summary>The endpoint's queue is full: hand the delivery back to the store for later.</summary>
    EndpointFull,

    /// <summary>
    /// This delivery is already queued or running here: its previous attempt has recorded its outcome and not yet left
    /// its lane (a replay or a zero retry delay made it due again at once), or its lease ran out while it waited.
    /// </summary>
    AlreadyAdmitted,
}

/// <summary>
/// One lane per endpoint (scheme, host, port): at most <c>concurrencyPerEndpoint</c> attempts run at once
/// in a lane and at most <c>capacityPerEndpoint</c> wait or run in it, so a slow or black-holed receiver
/// ties up its own lane and a few overall slots, never the deliveries to everyone else.
/// </summary>
public sealed class EndpointLanes(int concurrencyPerEndpoint, int capacityPerEndpoint, int maxConcurrentOverall, Action? onFreed = null)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Lane> _lanes = [];
    private readonly HashSet<Guid> _admitted = [];
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

    public Admission TryAdmit(string endpoint, Guid deliveryId, Func<CancellationToken, Task> attempt, CancellationToken cancellationToken)
    {
        Lane lane;
        lock (_gate)
        {
            if (_admitted.Contains(deliveryId))
            {
                return Admission.AlreadyAdmitted;
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
            _admitted.Add(deliveryId);
        }

        _ = RunAsync(endpoint, lane, deliveryId, attempt, cancellationToken);
        return Admission.Admitted;
    }

    private async Task RunAsync(string endpoint, Lane lane, Guid deliveryId, Func<CancellationToken, Task> attempt, CancellationToken cancellationToken)
    {
        try
        {
            await lane.Slots.WaitAsync(cancellationToken);
            try
            {
                await _overall.WaitAsync(cancellationToken);
                try
                {
                    await attempt(cancellationToken);
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
}
