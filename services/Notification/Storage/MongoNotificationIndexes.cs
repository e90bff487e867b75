using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Notification.Storage;

/// <summary>The indexes of Notification's MongoDB database, matching the SQLite schema's.</summary>
public static class MongoNotificationIndexes
{
    public static IReadOnlyList<CreateIndexModel<MongoSubscriptionDocument>> Subscriptions { get; } =
    [
        new(Builders<MongoSubscriptionDocument>.IndexKeys.Ascending(d => d.HostId).Ascending(d => d.CreatedAt),
            new CreateIndexOptions { Name = "ix_subscriptions_host" }),
    ];

    public static IReadOnlyList<CreateIndexModel<MongoDeliveryDocument>> Deliveries { get; } =
    [
        new(Builders<MongoDeliveryDocument>.IndexKeys.Ascending(d => d.Status).Ascending(d => d.NextAttemptAt),
            new CreateIndexOptions { Name = "ix_deliveries_due" }),
        new(Builders<MongoDeliveryDocument>.IndexKeys.Ascending(d => d.HostId).Descending(d => d.CreatedAt),
            new CreateIndexOptions { Name = "ix_deliveries_host" }),
    ];

    public static IReadOnlyList<CreateIndexModel<MongoAttemptDocument>> Attempts { get; } =
    [
        new(Builders<MongoAttemptDocument>.IndexKeys.Ascending(d => d.DeliveryId).Ascending(d => d.Sequence),
            new CreateIndexOptions { Name = "ix_attempts_delivery" }),
    ];

    /// <summary>Idempotent: creating a collection or an index that exists with the same keys and options does nothing.</summary>
    public static async Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        await MongoStoreSetup.CreateCollectionsAsync(
            database,
            [
                MongoNotificationStore.HostsCollection, MongoNotificationStore.SubscriptionsCollection, MongoNotificationStore.RoutesCollection,
                MongoNotificationStore.DeliveriesCollection, MongoNotificationStore.AttemptsCollection, MongoOutbox.CollectionName,
            ],
            cancellationToken);
        await database.GetCollection<MongoSubscriptionDocument>(MongoNotificationStore.SubscriptionsCollection)
            .Indexes.CreateManyAsync(Subscriptions, cancellationToken);
        await database.GetCollection<MongoDeliveryDocument>(MongoNotificationStore.DeliveriesCollection)
            .Indexes.CreateManyAsync(Deliveries, cancellationToken);
        await database.GetCollection<MongoAttemptDocument>(MongoNotificationStore.AttemptsCollection)
            .Indexes.CreateManyAsync(Attempts, cancellationToken);
        await new MongoOutbox(database).CreateIndexesAsync(cancellationToken);
    }
}
