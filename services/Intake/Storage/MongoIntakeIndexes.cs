using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Intake.Storage;

/// <summary>
/// The indexes of Intake's MongoDB database, matching the SQLite schema. Idempotency records need none
/// beyond <c>_id</c>: the key hash is the <c>_id</c>, unique as SQLite's primary key.
/// </summary>
public static class MongoIntakeIndexes
{
    public static IReadOnlyList<CreateIndexModel<MongoSubmissionDocument>> Submissions { get; } =
    [
        new(Builders<MongoSubmissionDocument>.IndexKeys.Ascending(d => d.NextHandoverAt),
            new CreateIndexOptions { Name = "ix_submissions_handover" }),
        new(Builders<MongoSubmissionDocument>.IndexKeys.Ascending(d => d.QuarantinedAt),
            new CreateIndexOptions<MongoSubmissionDocument>
            {
                Name = "ix_submissions_quarantined",
                PartialFilterExpression = MongoIntakeFilters.InQuarantine,
            }),
    ];

    /// <summary>Spent challenges expire by themselves (TTL), as SQLite deletes expired rows.</summary>
    public static IReadOnlyList<CreateIndexModel<MongoUsedChallengeDocument>> UsedChallenges { get; } =
    [
        new(Builders<MongoUsedChallengeDocument>.IndexKeys.Ascending(d => d.ExpiresAt),
            new CreateIndexOptions { Name = "ttl_used_challenges", ExpireAfter = TimeSpan.Zero }),
    ];

    public static IReadOnlyList<CreateIndexModel<MongoIdempotencyDocument>> Idempotency { get; } =
    [
        new(Builders<MongoIdempotencyDocument>.IndexKeys.Ascending(d => d.CreatedAt),
            new CreateIndexOptions { Name = "ix_idempotency_created" }),
    ];

    /// <summary>Idempotent: creating a collection or an index that exists with the same keys and options does nothing.</summary>
    public static async Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        await MongoStoreSetup.CreateCollectionsAsync(
            database, [MongoSubmissionStore.SubmissionsCollection, MongoSubmissionStore.IdempotencyCollection, MongoSubmissionStore.UsedChallengesCollection, MongoSubmissionStore.SecretsCollection, MongoOutbox.CollectionName], cancellationToken);
        await database.GetCollection<MongoSubmissionDocument>(MongoSubmissionStore.SubmissionsCollection)
            .Indexes.CreateManyAsync(Submissions, cancellationToken);
        await database.GetCollection<MongoUsedChallengeDocument>(MongoSubmissionStore.UsedChallengesCollection)
            .Indexes.CreateManyAsync(UsedChallenges, cancellationToken);
        await database.GetCollection<MongoIdempotencyDocument>(MongoSubmissionStore.IdempotencyCollection)
            .Indexes.CreateManyAsync(Idempotency, cancellationToken);
        await new MongoOutbox(database).CreateIndexesAsync(cancellationToken);
    }
}
