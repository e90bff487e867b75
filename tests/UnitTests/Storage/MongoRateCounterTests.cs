using MongoDB.Bson;
using SafetyReports.Intake.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Storage;

/// <summary>The shared rate-limit counters on MongoDB: the one update each request sends, the day's key and the TTL indexes.</summary>
public sealed class MongoRateCounterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 30, 250, TimeSpan.Zero);

    [Fact]
    public void A_request_is_one_pipeline_update_that_mirrors_the_window_rule()
    {
        Assert.Equal(new BsonDocument("_id", "abc"), Render(MongoRateCounterFilters.Counter("abc")));

        var ended = new BsonDocument("$lte", new BsonArray
        {
            new BsonDocument("$add", new BsonArray { new BsonDocument("$ifNull", new BsonArray { "$windowStart", new BsonDateTime(0) }), 60_000L }),
            Date(Now),
        });
        var room = new BsonDocument("$lt", new BsonArray { "$count", 6 });
        var expected = new BsonArray
        {
            new BsonDocument("$set", new BsonDocument
            {
                { "windowStart", Cond(ended, Date(Now), "$windowStart") },
                { "count", Cond(ended, 1, Cond(room, new BsonDocument("$add", new BsonArray { "$count", 1 }), "$count")) },
                { "counted", new BsonDocument("$or", new BsonArray { ended, room }) },
                { "expiresAt", Cond(ended, Date(Now.AddMinutes(1)), "$expiresAt") },
            }),
        };

        Assert.Equal(expected, Render(MongoRateCounterFilters.Count(6, Now, TimeSpan.FromMinutes(1))));
    }

    [Fact]
    public void The_days_key_is_written_only_by_the_first_replica_that_asks()
    {
        Assert.Equal(
            new BsonDocument("$setOnInsert", new BsonDocument { { "protectedKey", "CfDJ8…" }, { "expiresAt", Date(Now.AddDays(2)) } }),
            Render(MongoRateCounterFilters.KeyIfAbsent("CfDJ8…", Now.AddDays(2))));
    }

    [Fact]
    public void Counters_and_keys_are_stored_with_bson_dates_and_expire_by_ttl_indexes()
    {
        var (bson, back) = RoundTrip(new MongoRateCounterDocument { Id = "abc", WindowStart = Now, Count = 3, Counted = true, ExpiresAt = Now.AddMinutes(1) });
        Assert.Equal(
            new BsonDocument { { "_id", "abc" }, { "windowStart", Date(Now) }, { "count", 3 }, { "counted", true }, { "expiresAt", Date(Now.AddMinutes(1)) } },
            bson);
        Assert.Equal(Now, back.WindowStart);

        var counters = Assert.Single(MongoRateCounterFilters.CounterIndexes);
        Assert.Equal(("ttl_rate_counters", new BsonDocument("expiresAt", 1), TimeSpan.Zero), (counters.Options.Name, Keys(counters), counters.Options.ExpireAfter!.Value));
        var keys = Assert.Single(MongoRateCounterFilters.KeyIndexes);
        Assert.Equal(("ttl_rate_limit_keys", new BsonDocument("expiresAt", 1), TimeSpan.Zero), (keys.Options.Name, Keys(keys), keys.Options.ExpireAfter!.Value));
    }

    private static BsonDocument Cond(BsonValue condition, BsonValue then, BsonValue otherwise) =>
        new("$cond", new BsonArray { condition, then, otherwise });
}
