using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Notification;

/// <summary>The MongoDB side of editing and of the admins' notices, rendered without a server.</summary>
public class MongoNoticeFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void Notices_read_the_partial_index_of_disabled_subscriptions_most_recent_first()
    {
        var typeIsDate = new BsonDocument("disabledAt", new BsonDocument("$type", 9));
        var index = MongoNotificationIndexes.Subscriptions.Single(i => i.Options.Name == "ix_subscriptions_disabled");
        var options = Assert.IsType<CreateIndexOptions<MongoSubscriptionDocument>>(index.Options);
        Assert.Equal(typeIsDate, Render(options.PartialFilterExpression));

        // The query states the index's partial filter itself, which is what lets MongoDB use that index.
        var filter = Render(MongoNotificationFilters.AutoDisabled);
        Assert.Equal(typeIsDate["disabledAt"], filter["disabledAt"]);
        Assert.Equal(BsonBoolean.False, filter["enabled"]);
        Assert.Equal(new BsonDocument("$in", new BsonArray { DisabledReasons.Gone, DisabledReasons.Failing }), filter["disabledReason"]);
        Assert.Equal(new BsonDocument { { "disabledAt", -1 }, { "_id", -1 } }, Render(MongoNotificationFilters.MostRecentlyDisabledFirst));
    }

    [Fact]
    public void Disabling_records_when_and_enabling_forgets_it()
    {
        Assert.Equal(
            new BsonDocument("$set", new BsonDocument { { "enabled", false }, { "disabledReason", "failing" }, { "disabledAt", Date(Now) } }),
            Render(MongoNotificationFilters.Disable(DisabledReasons.Failing, Now)));
        Assert.Equal(BsonNull.Value, Render(MongoNotificationFilters.Enable)["$set"]["disabledAt"]);
    }

    [Fact]
    public void An_edit_sets_the_fields_and_clears_the_failing_period_only_for_a_new_url()
    {
        var kept = new SubscriptionEdit(Guid.NewGuid(), "https://a.example/h", ["report.triaged"], ["org/*"], RestartsFailingPeriod: false);
        Assert.Equal(
            new BsonDocument("$set", new BsonDocument
            {
                { "url", "https://a.example/h" }, { "events", new BsonArray { "report.triaged" } }, { "modelPatterns", new BsonArray { "org/*" } },
            }),
            Render(MongoNotificationFilters.Edit(kept)));
        Assert.Equal(BsonNull.Value, Render(MongoNotificationFilters.Edit(kept with { RestartsFailingPeriod = true }))["$set"]["failingSince"]);
    }

    [Fact]
    public void Subscriptions_disabled_before_disabledAt_existed_get_their_failing_start_else_their_creation()
    {
        Assert.Equal(new BsonDocument { { "enabled", false }, { "disabledAt", BsonNull.Value } }, Render(MongoNotificationFilters.DisabledWithoutTime));
        var pipeline = Render(MongoNotificationFilters.DisabledAtBackfill).AsBsonArray;
        Assert.Equal(
            new BsonDocument("$set", new BsonDocument("disabledAt", new BsonDocument("$ifNull", new BsonArray { "$failingSince", "$createdAt" }))),
            Assert.Single(pipeline));
    }
}
