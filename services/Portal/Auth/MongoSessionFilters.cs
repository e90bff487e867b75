using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Portal.Auth;

/// <summary>The filters, updates and indexes of <see cref="MongoSessionCache"/>, public so their rendered shape is unit-tested.</summary>
public static class MongoSessionFilters
{
    private static FilterDefinitionBuilder<MongoSessionDocument> Filter => Builders<MongoSessionDocument>.Filter;

    /// <summary>The entry while it has not expired (SQLite: <c>key = $key AND expires_at &gt; $now</c>); the TTL monitor may lag by a minute.</summary>
    public static FilterDefinition<MongoSessionDocument> Live(string key, DateTimeOffset now) =>
        Filter.Eq(d => d.Key, key) & Filter.Gt(d => d.ExpiresAt, now);

    /// <summary>
    /// The live entry as it was read: a slide computed from its window and absolute expiry must not land on
    /// an entry that was replaced meanwhile with other ones.
    /// </summary>
    public static FilterDefinition<MongoSessionDocument> LiveAsRead(MongoSessionDocument read, DateTimeOffset now) =>
        Live(read.Key, now) & Filter.Eq(d => d.SlidingMs, read.SlidingMs) & Filter.Eq(d => d.AbsoluteAt, read.AbsoluteAt);

    public static UpdateDefinition<MongoSessionDocument> Slide(DateTimeOffset expiresAt) =>
        Builders<MongoSessionDocument>.Update.Set(d => d.ExpiresAt, expiresAt);

    /// <summary>Expired sessions go by themselves, as SQLite deletes expired rows on write.</summary>
    public static IReadOnlyList<CreateIndexModel<MongoSessionDocument>> Indexes { get; } =
    [
        new(Builders<MongoSessionDocument>.IndexKeys.Ascending(d => d.ExpiresAt),
            new CreateIndexOptions { Name = "ttl_sessions_expires", ExpireAfter = TimeSpan.Zero }),
    ];

    /// <summary>The session collection as migrations (<see cref="MongoMigrations"/>); version 1 is the release of 2026-11-29's.</summary>
    public static MongoMigrations Migrations { get; } = new("portal-sessions",
    [
        new(1, "release of 2026-11-29", (database, ct) => MongoSteps.CreateIndexesAsync(database, MongoSessionCache.CollectionName, Indexes, ct)),
    ]);
}
