using MongoDB.Driver;

namespace SafetyReports.Notification.Storage;

public sealed partial class MongoNotificationStore : ISubscriptionStore
{
    /// <summary>
    /// Unlike SQLite's foreign key, nothing here refuses an unknown host: the endpoint checks the host
    /// before it adds a subscription.
    /// </summary>
    public async Task AddSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        await _subscriptions.InsertOneAsync(MongoSubscriptionDocument.From(subscription), cancellationToken: cancellationToken);
    }

    public async Task<Subscription?> GetSubscriptionAsync(Guid id, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var document = await _subscriptions.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToSubscription();
    }

    public async Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(string hostId, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var documents = await _subscriptions.Find(MongoNotificationFilters.SubscriptionsOf(hostId))
            .Sort(MongoNotificationFilters.OldestFirst).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToSubscription()).ToList();
    }

    public Task<bool> RotateSecretAsync(Subscription rotated, string expectedCurrentSecret, CancellationToken cancellationToken) =>
        UpdatesOneAsync(
            _subscriptions, MongoNotificationFilters.SigningWith(rotated.Id, expectedCurrentSecret), MongoNotificationFilters.Rotate(rotated), cancellationToken);

    // Matched, not modified: like SQLite's change count, enabling an enabled subscription still counts as found.
    public Task<bool> EnableSubscriptionAsync(Guid id, CancellationToken cancellationToken) =>
        UpdatesOneAsync(_subscriptions, Builders<MongoSubscriptionDocument>.Filter.Eq(d => d.Id, id), MongoNotificationFilters.Enable, cancellationToken);

    public Task<bool> EditSubscriptionAsync(SubscriptionEdit edit, CancellationToken cancellationToken) =>
        UpdatesOneAsync(_subscriptions, Builders<MongoSubscriptionDocument>.Filter.Eq(d => d.Id, edit.Id), MongoNotificationFilters.Edit(edit), cancellationToken);

    public async Task<AutoDisabledSubscriptions> GetAutoDisabledSubscriptionsAsync(int max, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var documents = await _subscriptions.Find(MongoNotificationFilters.AutoDisabled)
            .Sort(MongoNotificationFilters.MostRecentlyDisabledFirst).Limit(max).ToListAsync(cancellationToken);
        var total = await _subscriptions.CountDocumentsAsync(MongoNotificationFilters.AutoDisabled, cancellationToken: cancellationToken);
        return new AutoDisabledSubscriptions(documents.Select(d => d.ToSubscription()).ToList(), (int)total);
    }

    public Task<bool> DisableSubscriptionAsync(Guid id, string reason, DateTimeOffset at, OutboxMessage? announcement, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            var result = await _subscriptions.UpdateOneAsync(
                w.Session, MongoNotificationFilters.EnabledWithId(id), MongoNotificationFilters.Disable(reason, at), cancellationToken: w.CancellationToken);
            if (result.MatchedCount == 1)
            {
                await w.AnnounceAsync(announcement);
            }

            return result.MatchedCount == 1;
        }, cancellationToken);

    public async Task<Subscription?> RecordEndpointOutcomeAsync(Guid id, bool succeeded, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var document = succeeded
            ? await _subscriptions.FindOneAndUpdateAsync(
                d => d.Id == id, MongoNotificationFilters.FailingSince(null),
                new FindOneAndUpdateOptions<MongoSubscriptionDocument> { ReturnDocument = ReturnDocument.After }, cancellationToken)
            : await _subscriptions.FindOneAndUpdateAsync(
                MongoNotificationFilters.NotFailing(id), MongoNotificationFilters.FailingSince(at),
                new FindOneAndUpdateOptions<MongoSubscriptionDocument> { ReturnDocument = ReturnDocument.After }, cancellationToken)
              ?? await _subscriptions.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToSubscription();
    }
}
