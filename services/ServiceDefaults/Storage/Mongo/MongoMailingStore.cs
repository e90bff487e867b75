using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Email;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>
/// A <see cref="MongoStore"/> that also sends mail: its migrations create the <c>mailOutbox</c> collection
/// (<see cref="MongoMailOutbox"/>), and <see cref="IMailOutboxStore"/> is written here once for every such store.
/// </summary>
public abstract class MongoMailingStore(IMongoDatabase database) : MongoStore(database), IMailOutboxStore
{
    private readonly MongoMailOutbox _mail = new(database);

    public WorkSignal MailSignal { get; } = new();

    public async Task<bool> QueueMailAsync(QueuedMail mail, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var queued = await _mail.QueueAsync(mail, cancellationToken);
        if (queued)
        {
            MailSignal.Notify();
        }

        return queued;
    }

    public async Task<IReadOnlyList<QueuedMail>> DueMailAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await _mail.DueAsync(now, max, cancellationToken);
    }

    public async Task MailSentAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        await _mail.SentAsync(id, at, cancellationToken);
    }

    public async Task MailFailedAsync(Guid id, int failures, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        await _mail.FailedAsync(id, failures, dueAt, cancellationToken);
    }

    public async Task<int> PruneSentMailAsync(DateTimeOffset sentBefore, int max, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await _mail.PruneAsync(sentBefore, max, cancellationToken);
    }
}
