using SafetyReports.ServiceDefaults.Email;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>What every store's mail outbox (<see cref="IMailOutboxStore"/>) must do; each store's contract suite runs it.</summary>
public static class MailOutboxContract
{
    private static QueuedMail Mail(Guid id, DateTimeOffset at) => new(id, "protected-mail", at, 0, at);

    /// <summary>A mail id is queued once, waits after a failure, and is never due again once sent, even queued anew.</summary>
    public static async Task QueuedOnceWaitsAfterAFailureAndSentOnceAsync(IMailOutboxStore store)
    {
        var id = Guid.NewGuid();

        Assert.True(await store.QueueMailAsync(Mail(id, At(1)), Ct));
        Assert.False(await store.QueueMailAsync(Mail(id, At(2)), Ct));
        Assert.Equal([id], (await store.DueMailAsync(At(1), 10, Ct)).Select(m => m.Id));
        Assert.Empty(await store.DueMailAsync(At(0), 10, Ct));

        await store.MailFailedAsync(id, 1, At(5), Ct);
        Assert.Empty(await store.DueMailAsync(At(4), 10, Ct));
        var due = Assert.Single(await store.DueMailAsync(At(5), 10, Ct));
        Assert.Equal((1, "protected-mail"), (due.Failures, due.ProtectedMail));

        await store.MailSentAsync(id, At(6), Ct);
        Assert.Empty(await store.DueMailAsync(At(100), 10, Ct));
        // The same event queued again after it was sent sends nothing.
        Assert.False(await store.QueueMailAsync(Mail(id, At(7)), Ct));
        Assert.Empty(await store.DueMailAsync(At(100), 10, Ct));
    }

    public static async Task LongestDueFirstAndAtMostTheBatchAsync(IMailOutboxStore store)
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await store.QueueMailAsync(Mail(a, At(3)), Ct);
        await store.QueueMailAsync(Mail(b, At(1)), Ct);
        await store.QueueMailAsync(Mail(c, At(2)), Ct);

        Assert.Equal([b, c], (await store.DueMailAsync(At(10), 2, Ct)).Select(m => m.Id));
    }

    /// <summary>Only mails sent before the cut are pruned, oldest first, at most the batch; unsent ones never are.</summary>
    public static async Task SentMailsArePrunedAfterTheirRetentionAsync(IMailOutboxStore store)
    {
        var (old, older, recent, unsent) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var id in new[] { old, older, recent, unsent })
        {
            await store.QueueMailAsync(Mail(id, At(1)), Ct);
        }

        await store.MailSentAsync(old, At(5), Ct);
        await store.MailSentAsync(older, At(4), Ct);
        await store.MailSentAsync(recent, At(20), Ct);

        Assert.Equal(1, await store.PruneSentMailAsync(At(10), 1, Ct));
        Assert.Equal(1, await store.PruneSentMailAsync(At(10), 10, Ct));
        Assert.Equal(0, await store.PruneSentMailAsync(At(10), 10, Ct));

        // The pruned ids can be queued again (the retention is the window of "sent once"); the recent one still cannot;
        // the unsent one is still due.
        Assert.True(await store.QueueMailAsync(Mail(older, At(30)), Ct));
        Assert.False(await store.QueueMailAsync(Mail(recent, At(30)), Ct));
        Assert.Equal([unsent, older], (await store.DueMailAsync(At(100), 10, Ct)).Select(m => m.Id));
    }
}
