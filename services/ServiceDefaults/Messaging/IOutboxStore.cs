using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>The outbox side of a service's store: events waiting to be published, oldest first.</summary>
public interface IOutboxStore : IQuarantineCounts
{
    /// <summary>The kind under which <see cref="IQuarantineCounts.CountQuarantinedAsync"/> counts outbox rows set aside.</summary>
    public const string QuarantinedOutbox = "outbox";

    /// <summary>Notified after a commit that added outbox rows.</summary>
    WorkSignal OutboxSignal { get; }

    Task<IReadOnlyList<OutboxMessage>> PeekOutboxAsync(int max, CancellationToken cancellationToken);

    Task RemoveFromOutboxAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a row that cannot be published (it cannot be read back as a message) out of the outbox into the quarantine,
    /// with why and when, so that the rows behind it go on; an operator finds it there. Nothing happens for an unknown id.
    /// </summary>
    Task QuarantineOutboxAsync(Guid id, string reason, DateTimeOffset at, CancellationToken cancellationToken);
}
