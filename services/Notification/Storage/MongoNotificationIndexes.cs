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
        // Only disabled subscriptions carry a date here: the admins' notices read this small index.
        new(Builders<MongoSubscriptionDocument>.IndexKeys.Descending(d => d.DisabledAt).Descending(d => d.Id),
            new CreateIndexOptions<MongoSubscriptionDocument>
            {
                Name = "ix_subscriptions_disabled",
                PartialFilterExpression = Builders<MongoSubscriptionDocument>.Filter.Type(d => d.DisabledAt, MongoDB.Bson.BsonType.DateTime),
            }),
    ];

    public static IReadOnlyList<CreateIndexModel<MongoDeliveryDocument>> Deliveries { get; } =
    [
        new(Builders<MongoDeliveryDocument>.IndexKeys.Ascending(d => d.Status).Ascending(d => d.NextAttemptAt),
            new CreateIndexOptions { Name = "ix_deliveries_due" }),
        new(Builders<MongoDeliveryDocument>.IndexKeys.Ascending(d => d.HostId).Descending(d => d.CreatedAt),
            new CreateIndexOptions { Name = "ix_deliveries_host" }),
        new(Builders<MongoDeliveryDocument>.IndexKeys.Ascending(d => d.SubscriptionId).Ascending(d => d.Status).Ascending(d => d.CreatedAt),
            new CreateIndexOptions { Name = "ix_deliveries_subscription" }),
    ];

    public static IReadOnlyList<CreateIndexModel<MongoRouteDocument>> Routes { get; } =
    [
        new(Builders<MongoRouteDocument>.IndexKeys.Ascending(d => d.HostId).Descending(d => d.FirstEventAt).Descending(d => d.ReportId),
            new CreateIndexOptions { Name = "ix_routes_host" }),
        new(Builders<MongoRouteDocument>.IndexKeys.Ascending(d => d.AcknowledgedAt).Ascending(d => d.LastContactAt),
            new CreateIndexOptions { Name = "ix_routes_unacknowledged" }),
    ];

    public static IReadOnlyList<CreateIndexModel<MongoAttemptDocument>> Attempts { get; } =
    [
        new(Builders<MongoAttemptDocument>.IndexKeys.Ascending(d => d.DeliveryId).Ascending(d => d.Sequence),
            new CreateIndexOptions { Name = "ix_attempts_delivery" }),
    ];

    public static IReadOnlyList<CreateIndexModel<MongoContestDocument>> Contests { get; } =
    [
        new(Builders<MongoContestDocument>.IndexKeys.Ascending(d => d.ReportId).Ascending(d => d.ContestedAt).Ascending(d => d.Id),
            new CreateIndexOptions { Name = "ix_contests_report" }),
    ];

    public static IReadOnlyList<CreateIndexModel<MongoThreadMessageDocument>> Messages { get; } =
    [
        new(Builders<MongoThreadMessageDocument>.IndexKeys.Ascending(d => d.ReportId).Ascending(d => d.HostId).Ascending(d => d.SentAt).Ascending(d => d.Id),
            new CreateIndexOptions { Name = "ix_messages_report" }),
    ];

    /// <summary>Idempotent: creating a collection or an index that exists with the same keys and options does nothing.</summary>
    public static async Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        await MongoStoreSetup.CreateCollectionsAsync(
            database,
            [
                MongoNotificationStore.HostsCollection, MongoNotificationStore.SubscriptionsCollection, MongoNotificationStore.RoutesCollection,
                MongoNotificationStore.DeliveriesCollection, MongoNotificationStore.AttemptsCollection, MongoNotificationStore.NoticesCollection,
                MongoNotificationStore.ContestsCollection, MongoNotificationStore.MessagesCollection, MongoOutbox.CollectionName,
            ],
            cancellationToken);
        var subscriptions = database.GetCollection<MongoSubscriptionDocument>(MongoNotificationStore.SubscriptionsCollection);
        await subscriptions.Indexes.CreateManyAsync(Subscriptions, cancellationToken);
        // Idempotent too: once every disabled subscription has its time, this matches nothing.
        await subscriptions.UpdateManyAsync(MongoNotificationFilters.DisabledWithoutTime, MongoNotificationFilters.DisabledAtBackfill, cancellationToken: cancellationToken);
        await database.GetCollection<MongoDeliveryDocument>(MongoNotificationStore.DeliveriesCollection)
            .Indexes.CreateManyAsync(Deliveries, cancellationToken);
        await database.GetCollection<MongoRouteDocument>(MongoNotificationStore.RoutesCollection)
            .Indexes.CreateManyAsync(Routes, cancellationToken);
        await database.GetCollection<MongoAttemptDocument>(MongoNotificationStore.AttemptsCollection)
            .Indexes.CreateManyAsync(Attempts, cancellationToken);
        // Notices are read by _id (the report id) only: no index of their own.
        await database.GetCollection<MongoContestDocument>(MongoNotificationStore.ContestsCollection)
            .Indexes.CreateManyAsync(Contests, cancellationToken);
        await database.GetCollection<MongoThreadMessageDocument>(MongoNotificationStore.MessagesCollection)
            .Indexes.CreateManyAsync(Messages, cancellationToken);
        await new MongoOutbox(database).CreateIndexesAsync(cancellationToken);
    }
}
