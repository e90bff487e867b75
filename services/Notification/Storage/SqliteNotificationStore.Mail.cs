using SafetyReports.ServiceDefaults.Email;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Notification.Storage;

/// <summary>The hosts' mails (<see cref="IMailOutboxStore"/>), in the <c>mail_outbox</c> table of migration 5.</summary>
public sealed partial class SqliteNotificationStore : IMailOutboxStore
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
}
