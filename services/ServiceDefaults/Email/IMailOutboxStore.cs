namespace SafetyReports.ServiceDefaults.Email;

/// <summary>
/// A store's mail outbox: mails wait there, protected, until the SMTP server took them (<see cref="MailDispatcher{TStore}"/>).
/// A mail id is queued once: a sent mail keeps its row (without its content) so that the same event queued again later is
/// not sent again.
/// </summary>
public interface IMailOutboxStore
{
    /// <summary>Notified after a mail was queued.</summary>
    WorkSignal MailSignal { get; }

    /// <summary>Queues the mail; false (nothing written) when a mail with its id was queued before, sent or not.</summary>
    Task<bool> QueueMailAsync(QueuedMail mail, CancellationToken cancellationToken);

    /// <summary>Unsent mails due at <paramref name="now"/>, the longest due first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<QueuedMail>> DueMailAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>The server took the mail: its content is dropped, its id kept.</summary>
    Task MailSentAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The attempt failed: the mail waits until <paramref name="dueAt"/>.</summary>
    Task MailFailedAsync(Guid id, int failures, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>Drops at most <paramref name="max"/> mails sent before <paramref name="sentBefore"/> (their ids too); returns how many.</summary>
    Task<int> PruneSentMailAsync(DateTimeOffset sentBefore, int max, CancellationToken cancellationToken);
}
