using SafetyReports.ServiceDefaults.Email;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

/// <summary>The hosts' mails (<see cref="IMailOutboxStore"/>), in the <c>mailOutbox</c> collection of migration 4.</summary>
public sealed partial class MongoNotificationStore : IMailOutboxStore
{
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
}
