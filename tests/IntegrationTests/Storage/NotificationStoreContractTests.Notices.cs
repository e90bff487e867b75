using SafetyReports.Notification.Domain;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>Issue 5's last items: editing a subscription, and the admins' notices of subscriptions disabled automatically.</summary>
public abstract partial class NotificationStoreContractTests
{
    [Fact]
    public async Task An_edit_changes_url_events_and_patterns_and_a_new_url_restarts_the_failing_period()
    {
        var (store, subscription) = await StoreWithSubscriptionAsync();
        await store.RecordEndpointOutcomeAsync(subscription.Id, false, At(5), Ct);
        var failing = subscription with { FailingSince = At(5) };

        // Same URL: the receiver is the same, so is its failing period.
        var sameUrl = SubscriptionEdit.Of(failing, null, ["report.resolved"], ["org/*", "other/**"]);
        Assert.True(await store.EditSubscriptionAsync(sameUrl, Ct));
        SameJson(sameUrl.ApplyTo(failing), await store.GetSubscriptionAsync(subscription.Id, Ct));
        Assert.Equal(At(5), (await store.GetSubscriptionAsync(subscription.Id, Ct))!.FailingSince);

        var current = (await store.GetSubscriptionAsync(subscription.Id, Ct))!;
        var newUrl = SubscriptionEdit.Of(current, "https://new.example.org/hook", null, null);
        Assert.True(await store.EditSubscriptionAsync(newUrl, Ct));
        var edited = await store.GetSubscriptionAsync(subscription.Id, Ct);
        SameJson(current with { Url = "https://new.example.org/hook", FailingSince = null }, edited);

        Assert.False(await store.EditSubscriptionAsync(newUrl with { Id = Guid.NewGuid() }, Ct));
    }

    [Fact]
    public async Task Notices_list_the_automatically_disabled_subscriptions_most_recent_first_until_enabled()
    {
        var store = await CreateStoreAsync();
        await store.AddHostAsync(new ModelHost("huggingface", "Hugging Face", "a@example.org", At(0)), Ct);
        await store.AddHostAsync(new ModelHost("civitai", "Civitai", "b@example.org", At(0)), Ct);
        var failing = NewSubscription("huggingface", At(1));
        var gone = NewSubscription("civitai", At(1));
        var manual = NewSubscription("huggingface", At(1));
        var healthy = NewSubscription("huggingface", At(1));
        var reEnabled = NewSubscription("civitai", At(1));
        foreach (var s in new[] { failing, gone, manual, healthy, reEnabled })
        {
            await store.AddSubscriptionAsync(s, Ct);
        }

        await store.RecordEndpointOutcomeAsync(failing.Id, false, At(2), Ct);
        await store.DisableSubscriptionAsync(failing.Id, DisabledReasons.Failing, At(10), null, Ct);
        await store.DisableSubscriptionAsync(gone.Id, DisabledReasons.Gone, At(20), null, Ct);
        await store.DisableSubscriptionAsync(manual.Id, DisabledReasons.Manual, At(30), null, Ct);
        await store.DisableSubscriptionAsync(reEnabled.Id, DisabledReasons.Failing, At(40), null, Ct);
        await store.EnableSubscriptionAsync(reEnabled.Id, Ct);

        var notices = await store.GetAutoDisabledSubscriptionsAsync(10, Ct);
        Assert.Equal(2, notices.Total);
        SameJson<IReadOnlyList<Subscription>>(
            [
                gone with { Enabled = false, DisabledReason = DisabledReasons.Gone, DisabledAt = At(20) },
                failing with { Enabled = false, DisabledReason = DisabledReasons.Failing, DisabledAt = At(10), FailingSince = At(2) },
            ],
            notices.Items);

        var first = await store.GetAutoDisabledSubscriptionsAsync(1, Ct);
        Assert.Equal(2, first.Total);
        Assert.Equal([gone.Id], first.Items.Select(s => s.Id));

        Assert.True(await store.EnableSubscriptionAsync(gone.Id, Ct));
        SameJson(gone, await store.GetSubscriptionAsync(gone.Id, Ct));
        var left = await store.GetAutoDisabledSubscriptionsAsync(10, Ct);
        Assert.Equal(1, left.Total);
        Assert.Equal([failing.Id], left.Items.Select(s => s.Id));
    }
}
