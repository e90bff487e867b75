using SafetyReports.ServiceDefaults.Email;

namespace SafetyReports.ServiceDefaults.Storage.Sqlite;

/// <summary>
/// A <see cref="SqliteStore"/> that also sends mail: its schema has the <c>mail_outbox</c> table
/// (<see cref="SqliteMailOutbox"/>), and <see cref="IMailOutboxStore"/> is written here once for every such store.
/// </summary>
public abstract class SqliteMailingStore(SqliteDatabase database) : SqliteStore(database), IMailOutboxStore
{
    public WorkSignal MailSignal { get; } = new();

    public async Task<bool> QueueMailAsync(QueuedMail mail, CancellationToken cancellationToken)
    {
        var queued = await WriteAsync(w => SqliteMailOutbox.QueueAsync(w, mail), cancellationToken);
        if (queued)
        {
            MailSignal.Notify();
        }

        return queued;
    }

    public Task<IReadOnlyList<QueuedMail>> DueMailAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        SqliteMailOutbox.DueAsync(Database, now, max);

    public Task MailSentAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(w => SqliteMailOutbox.SentAsync(w, id, at), cancellationToken);

    public Task MailFailedAsync(Guid id, int failures, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        WriteAsync(w => SqliteMailOutbox.FailedAsync(w, id, failures, dueAt), cancellationToken);

    public Task<int> PruneSentMailAsync(DateTimeOffset sentBefore, int max, CancellationToken cancellationToken) =>
        WriteAsync(w => SqliteMailOutbox.PruneAsync(w, sentBefore, max), cancellationToken);
}
