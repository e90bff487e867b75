namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>The outbox side of a service's store: events waiting to be published, oldest first.</summary>
public interface IOutboxStore
{
    /// <summary>Notified after a commit that added outbox rows.</summary>
    WorkSignal OutboxSignal { get; }

    Task<IReadOnlyList<OutboxMessage>> PeekOutboxAsync(int max, CancellationToken cancellationToken);

    Task RemoveFromOutboxAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
