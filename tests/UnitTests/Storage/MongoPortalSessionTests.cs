using MongoDB.Bson;
using SafetyReports.Portal.Auth;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Storage;

/// <summary>The portal's sessions on MongoDB: the stored shape, the filters and updates the cache sends, and the TTL index.</summary>
public sealed class MongoPortalSessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void A_session_is_stored_with_its_key_as_id_binary_value_and_bson_dates()
    {
        var expiry = new SessionEntryExpiry(Now.AddMinutes(30), TimeSpan.FromMinutes(30), Now.AddHours(8));
        var (bson, back) = RoundTrip(MongoSessionDocument.From("k", [1, 2, 3], expiry));

        Assert.Equal(new BsonDocument
        {
            { "_id", "k" },
            { "value", new BsonBinaryData([1, 2, 3]) },
            { "expiresAt", Date(Now.AddMinutes(30)) },
            { "slidingMs", 1_800_000L },
            { "absoluteAt", Date(Now.AddHours(8)) },
        }, bson);
        Assert.Equal(expiry, back.Expiry);
    }

    [Fact]
    public void A_session_without_a_window_or_an_absolute_expiry_stores_nulls()
    {
        var (bson, back) = RoundTrip(MongoSessionDocument.From("k", [1], new SessionEntryExpiry(Now, null, null)));

        Assert.Equal(BsonNull.Value, bson["slidingMs"]);
        Assert.Equal(BsonNull.Value, bson["absoluteAt"]);
        Assert.Equal(new SessionEntryExpiry(Now, null, null), back.Expiry);
    }

    [Fact]
    public void Reads_find_only_a_live_entry_and_a_slide_lands_only_on_the_entry_as_read()
    {
        Assert.Equal(
            new BsonDocument { { "_id", "k" }, { "expiresAt", new BsonDocument("$gt", Date(Now)) } },
            Render(MongoSessionFilters.Live("k", Now)));

        var read = MongoSessionDocument.From("k", [1], new SessionEntryExpiry(Now, TimeSpan.FromMinutes(30), Now.AddHours(8)));
        Assert.Equal(
            new BsonDocument
            {
                { "_id", "k" }, { "expiresAt", new BsonDocument("$gt", Date(Now)) },
                { "slidingMs", 1_800_000L }, { "absoluteAt", Date(Now.AddHours(8)) },
            },
            Render(MongoSessionFilters.LiveAsRead(read, Now)));
        Assert.Equal(
            new BsonDocument("$set", new BsonDocument("expiresAt", Date(Now.AddMinutes(30)))),
            Render(MongoSessionFilters.Slide(Now.AddMinutes(30))));
    }

    [Fact]
    public void Expired_sessions_are_removed_by_a_ttl_index_on_their_expiry()
    {
        var index = Assert.Single(MongoSessionFilters.Indexes);
        Assert.Equal("ttl_sessions_expires", index.Options.Name);
        Assert.Equal(new BsonDocument("expiresAt", 1), Keys(index));
        Assert.Equal(TimeSpan.Zero, index.Options.ExpireAfter);
    }
}
