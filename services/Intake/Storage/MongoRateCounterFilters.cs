using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

/// <summary>The update pipeline, filters and indexes of the shared rate-limit counters, public so their rendered shape is unit-tested.</summary>
public static class MongoRateCounterFilters
{
    public static FilterDefinition<MongoRateCounterDocument> Counter(string id) =>
        Builders<MongoRateCounterDocument>.Filter.Eq(d => d.Id, id);

    /// <summary>
    /// <c>ClientWindowRule.Apply</c> as one atomic update (with upsert): every expression reads the document as it
    /// was, so a window that ended (or none yet) begins now with one; otherwise one more is counted while there is room.
    /// </summary>
    public static UpdateDefinition<MongoRateCounterDocument> Count(int limit, DateTimeOffset now, TimeSpan window)
    {
        var ended = new BsonDocument("$lte", new BsonArray
        {
            new BsonDocument("$add", new BsonArray { new BsonDocument("$ifNull", new BsonArray { "$windowStart", new BsonDateTime(0) }), (long)window.TotalMilliseconds }),
            Date(now),
        });
        var room = new BsonDocument("$lt", new BsonArray { "$count", limit });
        var stage = new BsonDocument("$set", new BsonDocument
        {
            { "windowStart", If(ended, Date(now), "$windowStart") },
            { "count", If(ended, 1, If(room, new BsonDocument("$add", new BsonArray { "$count", 1 }), "$count")) },
            { "counted", new BsonDocument("$or", new BsonArray { ended, room }) },
            { "expiresAt", If(ended, Date(now + window), "$expiresAt") },
        });
        return Builders<MongoRateCounterDocument>.Update.Pipeline(new BsonDocumentStagePipelineDefinition<MongoRateCounterDocument, MongoRateCounterDocument>([stage]));
    }

    /// <summary>The day's hashing key: the first replica to ask stores its candidate, every other one reads it.</summary>
    public static UpdateDefinition<MongoRateLimitKeyDocument> KeyIfAbsent(string protectedKey, DateTimeOffset expiresAt) =>
        Builders<MongoRateLimitKeyDocument>.Update.SetOnInsert(d => d.ProtectedKey, protectedKey).SetOnInsert(d => d.ExpiresAt, expiresAt);

    /// <summary>Ended windows and old days' keys go by themselves.</summary>
    public static IReadOnlyList<CreateIndexModel<MongoRateCounterDocument>> CounterIndexes { get; } =
    [
        new(Builders<MongoRateCounterDocument>.IndexKeys.Ascending(d => d.ExpiresAt),
            new CreateIndexOptions { Name = "ttl_rate_counters", ExpireAfter = TimeSpan.Zero }),
    ];

    public static IReadOnlyList<CreateIndexModel<MongoRateLimitKeyDocument>> KeyIndexes { get; } =
    [
        new(Builders<MongoRateLimitKeyDocument>.IndexKeys.Ascending(d => d.ExpiresAt),
            new CreateIndexOptions { Name = "ttl_rate_limit_keys", ExpireAfter = TimeSpan.Zero }),
    ];

    /// <summary>The rate limiter's collections as migrations (<see cref="MongoMigrations"/>); version 1 is the release of 2026-11-29's.</summary>
    public static MongoMigrations Migrations { get; } = new("intake-rate-limits",
    [
        new(1, "release of 2026-11-29", async (database, ct) =>
        {
            await MongoSteps.CreateIndexesAsync(database, MongoRateCounterStore.CountersCollection, CounterIndexes, ct);
            await MongoSteps.CreateIndexesAsync(database, MongoRateCounterStore.KeysCollection, KeyIndexes, ct);
        }),
    ]);

    private static BsonDateTime Date(DateTimeOffset at) => new(at.ToUnixTimeMilliseconds());

    private static BsonDocument If(BsonValue condition, BsonValue then, BsonValue otherwise) =>
        new("$cond", new BsonArray { condition, then, otherwise });
}
