using MongoDB.Driver;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>
/// One attempt at a MongoDB store's transaction (<see cref="MongoStore.InTransactionAsync{T}"/>): the session its reads and
/// writes go through, and the events it appends to the outbox in the same transaction. The driver may run a transaction
/// again after a conflict; each run gets a new <see cref="MongoWrite"/>, and only the committed run's events count.
/// </summary>
public sealed class MongoWrite(IClientSessionHandle session, MongoOutbox outbox, CancellationToken cancellationToken)
{
    public IClientSessionHandle Session => session;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>Whether this run appended events to the outbox.</summary>
    internal bool Announced { get; private set; }

    /// <summary>Appends the event, if there is one, to the outbox in this transaction.</summary>
    public Task AnnounceAsync(OutboxMessage? message) => message is null ? Task.CompletedTask : AnnounceAsync([message]);

    /// <summary>Appends the events to the outbox in this transaction, in order.</summary>
    public async Task AnnounceAsync(IReadOnlyCollection<OutboxMessage> messages)
    {
        await outbox.AddAsync(session, messages, cancellationToken);
        Announced |= messages.Count > 0;
    }
}
