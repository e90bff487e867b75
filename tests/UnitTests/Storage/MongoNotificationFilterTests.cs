using MongoDB.Bson;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Storage;

public sealed class MongoNotificationFilterTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void Due_deliveries_are_pending_scheduled_by_now_and_not_leased_beyond_now()
    {
        Assert.Equal(
            new BsonDocument
            {
                { "status", "pending" },
                { "nextAttemptAt", new BsonDocument("$lte", Date(Now)) },
                {
                    "$or", new BsonArray
                    {
                        new BsonDocument("leaseUntil", BsonNull.Value),
                        new BsonDocument("leaseUntil", new BsonDocument("$lte", Date(Now))),
                    }
                },
            },
            Render(MongoNotificationFilters.Due(Now, [])));
        Assert.Equal(new BsonDocument("nextAttemptAt", 1), Render(MongoNotificationFilters.DueOrder));
    }

    [Fact]
    public void One_lease_call_skips_the_deliveries_it_already_took()
    {
        var taken = Guid.NewGuid();
        var rendered = Render(MongoNotificationFilters.Due(Now, [taken]));
        Assert.Equal(new BsonDocument("$nin", new BsonArray { Uuid(taken) }), rendered["_id"]);
    }

    [Fact]
    public void A_lease_sets_its_end_and_its_token()
    {
        var token = Guid.NewGuid();
        Assert.Equal(
            new BsonDocument("$set", new BsonDocument { { "leaseUntil", Date(Now.AddSeconds(30)) }, { "leaseToken", Uuid(token) } }),
            Render(MongoNotificationFilters.Lease(new DeliveryLease(token, Now.AddSeconds(30)))));
    }

    [Fact]
    public void Only_the_token_of_the_lease_that_holds_a_pending_delivery_completes_defers_or_renews_it()
    {
        var (id, token) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(
            new BsonDocument { { "_id", Uuid(id) }, { "leaseToken", Uuid(token) }, { "status", "pending" } },
            Render(MongoNotificationFilters.HeldBy(id, token)));
        Assert.Equal(new BsonDocument("$set", new BsonDocument("leaseUntil", Date(Now.AddMinutes(3)))), Render(MongoNotificationFilters.RenewLease(Now.AddMinutes(3))));
    }

    [Fact]
    public void Deliveries_are_listed_per_host_and_optionally_per_report_newest_first()
    {
        var report = Guid.NewGuid();
        Assert.Equal(new BsonDocument("hostId", "huggingface"), Render(MongoNotificationFilters.OfHost("huggingface", null)));
        Assert.Equal(new BsonDocument { { "hostId", "huggingface" }, { "reportId", Uuid(report) } },
            Render(MongoNotificationFilters.OfHost("huggingface", report)));
        Assert.Equal(new BsonDocument("createdAt", -1), Render(MongoNotificationFilters.NewestFirst));
    }

    [Fact]
    public void Subscriptions_and_attempts_are_read_oldest_first()
    {
        var delivery = Guid.NewGuid();
        Assert.Equal(new BsonDocument("hostId", "huggingface"), Render(MongoNotificationFilters.SubscriptionsOf("huggingface")));
        Assert.Equal(new BsonDocument("createdAt", 1), Render(MongoNotificationFilters.OldestFirst));
        Assert.Equal(new BsonDocument("deliveryId", Uuid(delivery)), Render(MongoNotificationFilters.AttemptsOf(delivery)));
        Assert.Equal(new BsonDocument("_id", 1), Render(MongoNotificationFilters.AttemptOrder));
    }

    [Fact]
    public void The_first_acknowledgement_is_a_compare_and_swap_on_an_empty_acknowledgement()
    {
        var report = Guid.NewGuid();
        Assert.Equal(new BsonDocument { { "_id", Uuid(report) }, { "acknowledgedAt", BsonNull.Value } },
            Render(MongoNotificationFilters.NotAcknowledged(report)));
    }

    [Fact]
    public void Planning_inserts_a_delivery_only_when_absent_and_never_overwrites_one()
    {
        var delivery = new Delivery(Guid.NewGuid(), Guid.NewGuid(), "huggingface", Guid.NewGuid(), "report.triaged", "msg_1", "{}",
            DeliveryStatuses.Pending, 0, Now, Now, null);

        var rendered = Render(MongoNotificationFilters.InsertIfAbsent(MongoDeliveryDocument.From(delivery))).AsBsonDocument;

        Assert.Equal(["$setOnInsert"], rendered.Names);
        var fields = rendered["$setOnInsert"].AsBsonDocument;
        Assert.DoesNotContain("_id", fields.Names);
        Assert.Equal(
            ["subscriptionId", "hostId", "reportId", "eventType", "webhookId", "payload", "status", "roundAttempts", "nextAttemptAt", "leaseUntil", "leaseToken", "createdAt", "lastAttemptAt"],
            fields.Names);
        AssertUuid(delivery.SubscriptionId, fields["subscriptionId"]);
        AssertDate(Now, fields["nextAttemptAt"]);
    }

    [Fact]
    public void Completing_an_attempt_records_the_new_state_and_ends_the_lease()
    {
        var updated = new Delivery(Guid.NewGuid(), Guid.NewGuid(), "huggingface", Guid.NewGuid(), "report.triaged", "msg_1", "{}",
            DeliveryStatuses.Pending, 3, Now.AddMinutes(5), Now, Now);

        Assert.Equal(
            new BsonDocument("$set", new BsonDocument
            {
                { "status", "pending" },
                { "roundAttempts", 3 },
                { "nextAttemptAt", Date(Now.AddMinutes(5)) },
                { "leaseUntil", BsonNull.Value },
                { "leaseToken", BsonNull.Value },
                { "lastAttemptAt", Date(Now) },
            }),
            Render(MongoNotificationFilters.AfterAttempt(updated)));
    }

    [Fact]
    public void A_replay_resets_the_round_schedules_now_and_ends_the_lease()
    {
        Assert.Equal(
            new BsonDocument("$set", new BsonDocument
            {
                { "status", "pending" }, { "roundAttempts", 0 }, { "nextAttemptAt", Date(Now) }, { "leaseUntil", BsonNull.Value },
                { "leaseToken", BsonNull.Value },
            }),
            Render(MongoNotificationFilters.Replay(Now)));
    }

    [Fact]
    public void Lookups_by_id_use_the_uuid_and_the_host_ids()
    {
        var id = Guid.NewGuid();
        Assert.Equal(new BsonDocument("_id", Uuid(id)), Render(MongoDB.Driver.Builders<MongoDeliveryDocument>.Filter.Where(d => d.Id == id)));
        Assert.Equal(new BsonDocument("_id", Uuid(id)), Render(MongoDB.Driver.Builders<MongoRouteDocument>.Filter.Where(d => d.Id == id)));
        Assert.Equal(new BsonDocument("reportId", Uuid(id)), Render(MongoNotificationFilters.RoutesOfReport(id)));
        Assert.Equal(new BsonDocument("_id", "huggingface"), Render(MongoDB.Driver.Builders<ModelHost>.Filter.Where(d => d.Id == "huggingface")));
    }
}
