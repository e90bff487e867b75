using System.Text.Json;
using MongoDB.Bson;
using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Notification;

/// <summary>The BSON of what issue 5 added to Notification's documents, and the filters that read and change it.</summary>
public sealed class MongoNotificationMappingTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    private static ReportRoute FullRoute() => new(
        Guid.NewGuid(), "huggingface", "org/model", At, At.AddHours(1), "seen",
        new ReportSummary("acknowledged", 6, new ModelReference("huggingface", "org/model", "main", null), "hate", "high", "Title", At.AddHours(1)),
        new HostResponse("restricted", "EU", At.AddDays(30), "ToS", true, "note"),
        At.AddHours(2), 2, At.AddHours(3), At.AddDays(7), 1);

    [Fact]
    public void A_subscription_round_trips_with_its_rotation_and_health()
    {
        var subscription = new Subscription(Guid.NewGuid(), "huggingface", "https://hooks.example.org", ["report.triaged"], ["org/*"],
            "current", false, At, "previous", At.AddDays(1), At.AddHours(-5), DisabledReasons.Failing);

        var (bson, back) = RoundTrip(MongoSubscriptionDocument.From(subscription));

        Assert.Equal("previous", bson["previousProtectedSecret"].AsString);
        AssertDate(At.AddDays(1), bson["previousSecretExpiresAt"]);
        AssertDate(At.AddHours(-5), bson["failingSince"]);
        Assert.Equal("failing", bson["disabledReason"].AsString);
        Assert.Equal(JsonSerializer.Serialize(subscription), JsonSerializer.Serialize(back.ToSubscription()));
    }

    [Fact]
    public void A_route_round_trips_with_its_summary_response_and_reminders()
    {
        var route = FullRoute();

        var (bson, back) = RoundTrip(MongoRouteDocument.From(route));

        Assert.Equal("acknowledged", bson["summary"]["status"].AsString);
        Assert.Equal(6L, bson["summary"]["version"].AsInt64);
        Assert.Equal("org/model", bson["summary"]["model"]["id"].AsString);
        Assert.Equal("restricted", bson["response"]["action"].AsString);
        AssertDate(At.AddDays(30), bson["response"]["until"]);
        Assert.Equal(2, bson["responseRevision"].AsInt32);
        AssertDate(At.AddDays(7), bson["lastContactAt"]);
        Assert.Equal(1, bson["remindersSent"].AsInt32);
        Assert.Equal(route, back.ToRoute());
    }

    [Fact]
    public void A_route_stored_before_these_fields_moves_to_the_routes_per_host_and_reads_with_defaults()
    {
        var reportId = Guid.NewGuid();
        var old = new BsonDocument
        {
            { "_id", Uuid(reportId) }, { "hostId", "huggingface" }, { "modelId", "org/model" }, { "firstEventAt", Date(At) },
            { "acknowledgedAt", BsonNull.Value }, { "acknowledgementNote", BsonNull.Value },
        };

        var moved = RouteMove.Moved(old);
        moved["_id"] = RouteMove.NewId(old);
        var route = MongoDB.Bson.Serialization.BsonSerializer.Deserialize<MongoRouteDocument>(moved).ToRoute();

        Assert.Equal(new ReportRoute(reportId, "huggingface", "org/model", At, null, null), route);
        Assert.Equal(RouteIds.For(reportId, "huggingface"), moved["_id"].AsGuid);
        Assert.Equal("report", moved["via"].AsString);
    }

    [Fact]
    public void The_delivery_log_filters_by_each_given_field()
    {
        var report = Guid.NewGuid();
        var subscription = Guid.NewGuid();
        Assert.Equal(new BsonDocument("hostId", "hub"), Render(MongoNotificationFilters.Matching(new DeliveryQuery("hub"))));
        Assert.Equal(
            new BsonDocument { { "hostId", "hub" }, { "reportId", Uuid(report) }, { "subscriptionId", Uuid(subscription) }, { "status", "failed" } },
            Render(MongoNotificationFilters.Matching(new DeliveryQuery("hub", report, subscription, "failed"))));
    }

    [Fact]
    public void Recovery_takes_a_subscriptions_failed_deliveries_created_since()
    {
        var subscription = Guid.NewGuid();
        Assert.Equal(
            new BsonDocument { { "subscriptionId", Uuid(subscription) }, { "status", "failed" }, { "createdAt", new BsonDocument("$gte", Date(At)) } },
            Render(MongoNotificationFilters.FailedSince(subscription, At)));
    }

    [Fact]
    public void A_deferral_moves_a_pending_delivery_and_ends_its_lease()
    {
        Assert.Equal(new BsonDocument("$set", new BsonDocument { { "nextAttemptAt", Date(At) }, { "leaseUntil", BsonNull.Value }, { "leaseToken", BsonNull.Value } }),
            Render(MongoNotificationFilters.Defer(At)));
    }

    [Fact]
    public void Subscription_changes_are_compare_and_swaps()
    {
        var id = Guid.NewGuid();
        Assert.Equal(new BsonDocument { { "_id", Uuid(id) }, { "protectedSecret", "old" } }, Render(MongoNotificationFilters.SigningWith(id, "old")));
        Assert.Equal(new BsonDocument { { "_id", Uuid(id) }, { "enabled", true } }, Render(MongoNotificationFilters.EnabledWithId(id)));
        Assert.Equal(new BsonDocument { { "_id", Uuid(id) }, { "failingSince", BsonNull.Value } }, Render(MongoNotificationFilters.NotFailing(id)));
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        Assert.Equal(new BsonDocument("$set", new BsonDocument { { "enabled", false }, { "disabledReason", "gone" }, { "disabledAt", Date(at) } }),
            Render(MongoNotificationFilters.Disable("gone", at)));
        Assert.Equal(
            new BsonDocument("$set", new BsonDocument
            {
                { "enabled", true }, { "failingSince", BsonNull.Value }, { "disabledReason", BsonNull.Value }, { "disabledAt", BsonNull.Value },
            }),
            Render(MongoNotificationFilters.Enable));
    }

    [Fact]
    public void A_summary_only_replaces_an_older_one()
    {
        var id = Guid.NewGuid();
        Assert.Equal(
            new BsonDocument
            {
                { "_id", Uuid(id) },
                { "$or", new BsonArray { new BsonDocument("summary", BsonNull.Value), new BsonDocument("summary.version", new BsonDocument("$lt", 6L)) } },
            },
            Render(MongoNotificationFilters.SummaryOlderThan(id, 6)));
    }

    [Fact]
    public void A_hosts_routes_page_after_the_cursor_newest_first()
    {
        var id = Guid.NewGuid();
        Assert.Equal(new BsonDocument("hostId", "hub"), Render(MongoNotificationFilters.RoutesOf("hub", null)));
        Assert.Equal(
            new BsonDocument
            {
                { "hostId", "hub" },
                {
                    "$or", new BsonArray
                    {
                        new BsonDocument("firstEventAt", new BsonDocument("$lt", Date(At))),
                        new BsonDocument { { "firstEventAt", Date(At) }, { "reportId", new BsonDocument("$lt", Uuid(id)) } },
                    }
                },
            },
            Render(MongoNotificationFilters.RoutesOf("hub", new RouteCursor(At, id))));
        Assert.Equal(new BsonDocument { { "firstEventAt", -1 }, { "reportId", -1 } }, Render(MongoNotificationFilters.RoutesNewestFirst));
    }

    [Fact]
    public void A_response_is_saved_only_at_the_revision_and_acknowledgement_read()
    {
        var id = Guid.NewGuid();
        Assert.Equal(
            new BsonDocument
            {
                { "_id", Uuid(id) },
                { "$or", new BsonArray { new BsonDocument("responseRevision", 0), new BsonDocument("responseRevision", new BsonDocument("$exists", false)) } },
                { "acknowledgedAt", BsonNull.Value },
            },
            Render(MongoNotificationFilters.AtResponseRevision(id, 0, acknowledged: false)));
        Assert.Equal(
            new BsonDocument { { "_id", Uuid(id) }, { "responseRevision", 2 }, { "acknowledgedAt", new BsonDocument("$ne", BsonNull.Value) } },
            Render(MongoNotificationFilters.AtResponseRevision(id, 2, acknowledged: true)));
    }

    [Fact]
    public void Reminders_look_for_open_unacknowledged_routes_and_count_themselves()
    {
        var rendered = Render(MongoNotificationFilters.AwaitingAcknowledgement(At));
        Assert.Equal(BsonNull.Value, rendered["acknowledgedAt"]);
        Assert.Equal(
            new BsonArray
            {
                new BsonDocument("lastContactAt", new BsonDocument("$lte", Date(At))),
                new BsonDocument { { "lastContactAt", new BsonDocument("$exists", false) }, { "firstEventAt", new BsonDocument("$lte", Date(At)) } },
            },
            rendered["$or"]);
        Assert.Equal(new BsonDocument("$nin", new BsonArray { "resolved", "rejected", "duplicate" }), rendered["summary.status"]);
        Assert.Equal(new BsonDocument { { "lastContactAt", 1 }, { "reportId", 1 }, { "hostId", 1 } }, Render(MongoNotificationFilters.LongestWaitingFirst));

        Assert.Equal(
            new BsonDocument
            {
                { "$inc", new BsonDocument("remindersSent", 1) },
                { "$set", new BsonDocument { { "lastRemindedAt", Date(At) }, { "lastContactAt", Date(At) } } },
            },
            Render(MongoNotificationFilters.Reminded(At)));
    }
}
