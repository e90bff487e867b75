using SafetyReports.Triage.Domain;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>The maintainers' notification choices: one row per maintainer, replaced on save; only those that mail something are listed.</summary>
public abstract partial class TriageStoreContractTests
{
    private static MaintainerNotifications Choices(string maintainer, string? email, string? severity, NotificationDelivery delivery, double at) =>
        new(maintainer, email, severity, true, false, true, false, delivery, At(at));

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
}
