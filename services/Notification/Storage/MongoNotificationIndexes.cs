using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

/// <summary>The indexes of Notification's MongoDB database, matching the SQLite schema's.</summary>
public static class MongoNotificationIndexes
{
    // Index keys name the records' elements: their maps must exist before any index is rendered, store or not.
    static MongoNotificationIndexes() => MongoNotificationRecords.Register();

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

    /// <summary>The indexes of the routes keyed by report alone (whose <c>_id</c> was the report id), as the release of 2026-11-29 made them.</summary>
    public static IReadOnlyList<CreateIndexModel<BsonDocument>> RoutesBeforeModelIdentity { get; } =
    [
        new(new BsonDocument { { "hostId", 1 }, { "firstEventAt", -1 }, { "_id", -1 } }, new CreateIndexOptions { Name = "ix_routes_host" }),
        new(new BsonDocument { { "acknowledgedAt", 1 }, { "lastContactAt", 1 } }, new CreateIndexOptions { Name = "ix_routes_unacknowledged" }),
    ];

    public static IReadOnlyList<CreateIndexModel<MongoRouteDocument>> Routes { get; } =
    [
        new(Builders<MongoRouteDocument>.IndexKeys.Ascending(d => d.HostId).Descending(d => d.FirstEventAt).Descending(d => d.ReportId),
            new CreateIndexOptions { Name = "ix_host_routes_host" }),
        new(Builders<MongoRouteDocument>.IndexKeys.Ascending(d => d.AcknowledgedAt).Ascending(d => d.LastContactAt),
            new CreateIndexOptions { Name = "ix_host_routes_unacknowledged" }),
        new(Builders<MongoRouteDocument>.IndexKeys.Ascending(d => d.ReportId).Ascending(d => d.HostId),
            new CreateIndexOptions { Name = "ix_host_routes_report" }),
    ];

    /// <summary>Exact matching on digests: a multikey index over each manifest's digests (a seek per digest, never a scan).</summary>
    public static IReadOnlyList<CreateIndexModel<MongoModelManifestDocument>> ModelManifests { get; } =
    [
        new(Builders<MongoModelManifestDocument>.IndexKeys.Ascending(d => d.Digests), new CreateIndexOptions { Name = "ix_model_manifests_digests" }),
    ];

    public static IReadOnlyList<CreateIndexModel<MongoModelAliasDocument>> ModelAliases { get; } =
    [
        new(Builders<MongoModelAliasDocument>.IndexKeys.Ascending(d => d.GroupId), new CreateIndexOptions { Name = "ix_model_aliases_group" }),
    ];

    public static IReadOnlyList<CreateIndexModel<MongoReportDigestsDocument>> ReportDigests { get; } =
    [
        new(Builders<MongoReportDigestsDocument>.IndexKeys.Ascending(d => d.Digests), new CreateIndexOptions { Name = "ix_report_digests_digests" }),
    ];

    public static IReadOnlyList<CreateIndexModel<MongoAttemptDocument>> Attempts { get; } =
    [
        new(Builders<MongoAttemptDocument>.IndexKeys.Ascending(d => d.DeliveryId).Ascending(d => d.Sequence),
            new CreateIndexOptions { Name = "ix_attempts_delivery" }),
    ];

    public static IReadOnlyList<CreateIndexModel<HostContest>> Contests { get; } =
    [
        new(Builders<HostContest>.IndexKeys.Ascending(d => d.ReportId).Ascending(d => d.ContestedAt).Ascending(d => d.Id),
            new CreateIndexOptions { Name = "ix_contests_report" }),
    ];

    public static IReadOnlyList<CreateIndexModel<ThreadMessage>> Messages { get; } =
    [
        new(Builders<ThreadMessage>.IndexKeys.Ascending(d => d.ReportId).Ascending(d => d.HostId).Ascending(d => d.SentAt).Ascending(d => d.Id),
            new CreateIndexOptions { Name = "ix_messages_report" }),
    ];

    public static IReadOnlyList<CreateIndexModel<MongoLogLeafDocument>> LogLeaves { get; } =
    [
        new(Builders<MongoLogLeafDocument>.IndexKeys.Ascending(d => d.ReportId), new CreateIndexOptions { Name = "ix_log_leaves_report" }),
    ];

    /// <summary>
    /// Notification's MongoDB schema as migrations (<see cref="MongoMigrations"/>): version 1 what the release of 2026-11-29
    /// created, each later step one change since. Each is safe to run again; a released step never changes.
    /// </summary>
    public static MongoMigrations Migrations { get; } = new("notification",
    [
        new(1, "release of 2026-11-29", async (database, ct) =>
        {
            await MongoStoreSetup.CreateCollectionsAsync(
                database,
                [
                    MongoNotificationStore.HostsCollection, MongoNotificationStore.SubscriptionsCollection, MongoNotificationStore.RoutesBeforeModelIdentityCollection,
                    MongoNotificationStore.DeliveriesCollection, MongoNotificationStore.AttemptsCollection, MongoOutbox.CollectionName,
                ],
                ct);
            await MongoSteps.CreateIndexesAsync(database, MongoNotificationStore.SubscriptionsCollection, Subscriptions, ct);
            await MongoSteps.CreateIndexesAsync(database, MongoNotificationStore.DeliveriesCollection, Deliveries, ct);
            await MongoSteps.CreateIndexesAsync(database, MongoNotificationStore.RoutesBeforeModelIdentityCollection, RoutesBeforeModelIdentity, ct);
            await MongoSteps.CreateIndexesAsync(database, MongoNotificationStore.AttemptsCollection, Attempts, ct);
            await new MongoOutbox(database).CreateIndexesAsync(ct);
        }),
        // Subscriptions disabled before disabledAt existed get a time, so the admins' notices list them; run again, it matches nothing.
        new(2, "a time for subscriptions disabled before it was kept", (database, ct) =>
            database.GetCollection<MongoSubscriptionDocument>(MongoNotificationStore.SubscriptionsCollection)
                .UpdateManyAsync(MongoNotificationFilters.DisabledWithoutTime, MongoNotificationFilters.DisabledAtBackfill, cancellationToken: ct)),
        // Notices are read by _id (the report id) only: no index of their own.
        new(3, "the host loop: notices, contests, messages", async (database, ct) =>
        {
            await MongoStoreSetup.CreateCollectionsAsync(
                database, [MongoNotificationStore.NoticesCollection, MongoNotificationStore.ContestsCollection, MongoNotificationStore.MessagesCollection], ct);
            await MongoSteps.CreateIndexesAsync(database, MongoNotificationStore.ContestsCollection, Contests, ct);
            await MongoSteps.CreateIndexesAsync(database, MongoNotificationStore.MessagesCollection, Messages, ct);
        }),
        new(4, "mail outbox", (database, ct) => new MongoMailOutbox(database).CreateAsync(ct)),
        new(5, "host log leaves", async (database, ct) =>
        {
            await MongoStoreSetup.CreateCollectionsAsync(database, [MongoNotificationStore.LogLeavesCollection], ct);
            await MongoSteps.CreateIndexesAsync(database, MongoNotificationStore.LogLeavesCollection, LogLeaves, ct);
        }),
        new(6, "sent mails pruned", (database, ct) => new MongoMailOutbox(database).CreateSentIndexAsync(ct)),
        // A report reaches every host serving a copy of its model: routes move to a collection keyed by report and host, each
        // route of before becoming the route to the host its report names. Run again, it copies nothing twice (by _id) and
        // finds no old collection to drop.
        new(7, "model identity: routes per report and host, manifests, aliases, report digests", async (database, ct) =>
        {
            await MongoStoreSetup.CreateCollectionsAsync(
                database,
                [
                    MongoNotificationStore.RoutesCollection, MongoNotificationStore.ModelManifestsCollection,
                    MongoNotificationStore.ModelAliasesCollection, MongoNotificationStore.ReportDigestsCollection,
                ],
                ct);
            await MongoSteps.CreateIndexesAsync(database, MongoNotificationStore.RoutesCollection, Routes, ct);
            await MongoSteps.CreateIndexesAsync(database, MongoNotificationStore.ModelManifestsCollection, ModelManifests, ct);
            await MongoSteps.CreateIndexesAsync(database, MongoNotificationStore.ModelAliasesCollection, ModelAliases, ct);
            await MongoSteps.CreateIndexesAsync(database, MongoNotificationStore.ReportDigestsCollection, ReportDigests, ct);
            await MoveRoutesAsync(database, ct);
        }),
    ]);

    /// <summary>Copies each route keyed by its report into the routes keyed by report and host (kept if there already), then drops the old collection.</summary>
    private static async Task MoveRoutesAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var old = database.GetCollection<BsonDocument>(MongoNotificationStore.RoutesBeforeModelIdentityCollection);
        var routes = database.GetCollection<BsonDocument>(MongoNotificationStore.RoutesCollection);
        using var cursor = await old.Find(FilterDefinition<BsonDocument>.Empty).ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            var moves = cursor.Current.Select(route => new UpdateOneModel<BsonDocument>(
                Builders<BsonDocument>.Filter.Eq("_id", RouteMove.NewId(route)), RouteMove.InsertIfAbsent(route)) { IsUpsert = true }).ToList();
            if (moves.Count > 0)
            {
                await routes.BulkWriteAsync(moves, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
            }
        }

        await database.DropCollectionAsync(MongoNotificationStore.RoutesBeforeModelIdentityCollection, cancellationToken);
    }

    /// <summary>Brings the database up to date (<see cref="Migrations"/>).</summary>
    public static Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken) => Migrations.RunAsync(database, cancellationToken);
}
