namespace SafetyReports.Notification.Storage;

/// <summary>Webhook deliveries and their attempts: leased by dispatchers, completed or deferred under the lease, replayed by admins.</summary>
public interface IDeliveryStore
{
    /// <summary>
    /// Leases up to <paramref name="max"/> due deliveries until <c><paramref name="now"/> + <paramref name="lease"/></c>, each
    /// under a new token, so that no other dispatcher takes them meanwhile.
    /// </summary>
    Task<IReadOnlyList<LeasedDelivery>> LeaseDueDeliveriesAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Extends a lease to <paramref name="until"/> if <paramref name="leaseToken"/> still holds the pending delivery; false
    /// (nothing written) when another dispatcher leased it since, it was replayed, or it finished.
    /// </summary>
    Task<bool> RenewLeaseAsync(Guid id, Guid leaseToken, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>
    /// Records an attempt and the delivery's new state (and its event, if any) in one transaction, if
    /// <paramref name="leaseToken"/> still holds the pending delivery; false, and nothing written, when it does not.
    /// </summary>
    Task<bool> CompleteAttemptAsync(Delivery updated, Guid leaseToken, DeliveryAttempt attempt, OutboxMessage? announcement, CancellationToken cancellationToken);

    /// <summary>
    /// Hands a leased, pending delivery back for later without an attempt (its endpoint's queue was full), if
    /// <paramref name="leaseToken"/> still holds it; false otherwise.
    /// </summary>
    Task<bool> DeferAsync(Guid id, Guid leaseToken, DateTimeOffset until, CancellationToken cancellationToken);

    Task<Delivery?> GetDeliveryAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>A host's deliveries matching the query, newest first.</summary>
    Task<IReadOnlyList<Delivery>> GetDeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryAttempt>> GetAttemptsAsync(Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a delivery back in the queue for now with a fresh round of retries and no lease (an earlier lease's token no
    /// longer completes it); false when unknown or while an attempt holds its lease.
    /// </summary>
    Task<bool> ReplayAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Replays every failed delivery of a subscription created at or after <paramref name="since"/>; returns how many.</summary>
    Task<int> RecoverAsync(Guid subscriptionId, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken);
}
