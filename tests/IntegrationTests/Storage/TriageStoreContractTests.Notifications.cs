using SafetyReports.ServiceDefaults.Email;
using SafetyReports.Triage.Domain;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>The maintainers' notification choices: one row per maintainer, replaced on save; only those that mail something are listed.</summary>
public abstract partial class TriageStoreContractTests
{
    private static MaintainerNotifications Choices(string maintainer, string? email, string? severity, NotificationDelivery delivery, double at) =>
        new(maintainer, email, severity, true, false, true, false, delivery, At(at), "Ana Maintainer");

    [Fact]
    public async Task A_maintainers_notification_choices_are_read_back_replaced_and_listed_when_they_mail_something()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.GetMaintainerNotificationsAsync("sub-a", Ct));

        var first = Choices("sub-a", "a@example.org", "high", NotificationDelivery.Immediate, 1);
        await store.SaveMaintainerNotificationsAsync(first, Ct);
        Assert.Equal(first, await store.GetMaintainerNotificationsAsync("sub-a", Ct));

        var second = Choices("sub-a", "a2@example.org", null, NotificationDelivery.DailyDigest, 2);
        await store.SaveMaintainerNotificationsAsync(second, Ct);
        Assert.Equal(second, await store.GetMaintainerNotificationsAsync("sub-a", Ct));

        // Another maintainer with everything off is kept but mails nothing, so it is not listed.
        var off = MaintainerNotifications.None("sub-b", null, At(3));
        await store.SaveMaintainerNotificationsAsync(off, Ct);
        Assert.Equal(off, await store.GetMaintainerNotificationsAsync("sub-b", Ct));
        Assert.Equal([second], await store.ListMaintainerNotificationsAsync(Ct));
    }

    private static MaintainerDigestItem Item(string maintainer, double at, MaintainerEventKind kind = MaintainerEventKind.HostResponded) =>
        new(Guid.NewGuid(), maintainer, kind, Guid.NewGuid(), At(at));

    [Fact]
    public async Task Digest_items_are_kept_once_listed_until_their_digest_is_queued_and_pruned_a_while_after()
    {
        var store = await CreateStoreAsync();
        var late = Item("sub-a", 3);
        var early = Item("sub-a", 1, MaintainerEventKind.SlaBreach);
        var other = Item("sub-b", 2);
        var afterCutoff = Item("sub-a", 10);
        foreach (var item in new[] { late, early, other, afterCutoff, late with { At = At(4) } })
        {
            await store.AddDigestItemAsync(item, Ct);
        }

        // By maintainer then time; the repeat of an item (same id) is not listed twice; nothing at or after the cutoff.
        Assert.Equal([early, late, other], await store.UnsentDigestItemsAsync(At(10), 10, Ct));
        Assert.Equal([early], await store.UnsentDigestItemsAsync(At(10), 1, Ct));

        var digest = new QueuedMail(Guid.NewGuid(), "protected", At(11), 0, At(11));
        await store.DigestQueuedAsync(digest, [early.Id, late.Id], At(11), At(0), Ct);
        Assert.Equal([other], await store.UnsentDigestItemsAsync(At(10), 10, Ct));
        Assert.Contains(await store.DueMailAsync(At(12), 10, Ct), m => m.Id == digest.Id);

        // An item seen again after its digest was sent is not listed again.
        await store.AddDigestItemAsync(early, Ct);
        Assert.Equal([other], await store.UnsentDigestItemsAsync(At(10), 10, Ct));

        // No digest (the maintainer turned mail off): the items are dropped unsent; no mail is queued.
        await store.DigestQueuedAsync(null, [other.Id], At(12), At(0), Ct);
        Assert.Empty(await store.UnsentDigestItemsAsync(At(10), 10, Ct));

        // Pruned: sent items older than the retention are gone, so the same id could be kept again (never within it).
        await store.DigestQueuedAsync(null, [], At(20), At(12) + TimeSpan.FromMilliseconds(1), Ct);
        await store.AddDigestItemAsync(early, Ct);
        Assert.Equal([early, afterCutoff], await store.UnsentDigestItemsAsync(At(100), 10, Ct));
    }
}
