using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

/// <summary>
/// The indexes of Intake's MongoDB database, matching the SQLite schema. Idempotency records need none
/// beyond <c>_id</c>: the key hash is the <c>_id</c>, unique as SQLite's primary key.
/// </summary>
public static class MongoIntakeIndexes
{
    // Index keys name the records' elements: their maps must exist before any index is rendered, store or not.
    static MongoIntakeIndexes() => MongoIntakeRecords.Register();

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

    public static IReadOnlyList<CreateIndexModel<IdempotencyRecord>> Idempotency { get; } =
    [
        new(Builders<IdempotencyRecord>.IndexKeys.Ascending(d => d.CreatedAt),
            new CreateIndexOptions { Name = "ix_idempotency_created" }),
    ];

    public static IReadOnlyList<CreateIndexModel<MongoEvidenceFileDocument>> EvidenceFiles { get; } =
    [
        new(Builders<MongoEvidenceFileDocument>.IndexKeys.Ascending(d => d.ReportId),
            new CreateIndexOptions { Name = "ix_evidence_files_report" }),
    ];

    /// <summary>
    /// Intake's MongoDB schema as migrations (<see cref="MongoMigrations"/>): version 1 what the release of 2026-11-29 created,
    /// each later step one change since. Each is safe to run again; a released step never changes.
    /// </summary>
    public static MongoMigrations Migrations { get; } = new("intake",
    [
        new(1, "release of 2026-11-29", async (database, ct) =>
        {
            await MongoStoreSetup.CreateCollectionsAsync(
                database, [MongoSubmissionStore.SubmissionsCollection, MongoSubmissionStore.IdempotencyCollection, MongoSubmissionStore.UsedChallengesCollection, MongoOutbox.CollectionName], ct);
            await MongoSteps.CreateIndexesAsync(database, MongoSubmissionStore.SubmissionsCollection, MongoSteps.Named(Submissions, "ix_submissions_handover"), ct);
            await MongoSteps.CreateIndexesAsync(database, MongoSubmissionStore.UsedChallengesCollection, UsedChallenges, ct);
            await MongoSteps.CreateIndexesAsync(database, MongoSubmissionStore.IdempotencyCollection, Idempotency, ct);
            await new MongoOutbox(database).CreateIndexesAsync(ct);
        }),
        new(2, "quarantine for unreadable submissions", (database, ct) =>
            MongoSteps.CreateIndexesAsync(database, MongoSubmissionStore.SubmissionsCollection, MongoSteps.Named(Submissions, "ix_submissions_quarantined"), ct)),
        new(3, "secrets kept by the store (the idempotency scope's key)", (database, ct) =>
            MongoStoreSetup.CreateCollectionsAsync(database, [MongoSubmissionStore.SecretsCollection], ct)),
        // The collection exists before the first transaction inserts into it (servers before 4.4 cannot create one in a transaction).
        new(4, "evidence files stored with their submission", async (database, ct) =>
        {
            await MongoStoreSetup.CreateCollectionsAsync(database, [MongoSubmissionStore.EvidenceFilesCollection], ct);
            await MongoSteps.CreateIndexesAsync(database, MongoSubmissionStore.EvidenceFilesCollection, EvidenceFiles, ct);
        }),
    ]);

    /// <summary>Brings the database up to date (<see cref="Migrations"/>).</summary>
    public static Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken) => Migrations.RunAsync(database, cancellationToken);
}
