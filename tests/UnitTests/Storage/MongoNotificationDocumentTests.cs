using System.Text.Json;
using MongoDB.Bson;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Storage;

public sealed class MongoNotificationDocumentTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void A_host_round_trips_keyed_by_its_id()
    {
        var host = new ModelHost("huggingface", "Hugging Face", "safety@example.org", At);

        var (bson, back) = RoundTrip(host);

        Assert.Equal("huggingface", bson["_id"].AsString);
        AssertDate(At, bson["createdAt"]);
        Assert.Equal(host, back);
    }

    [Fact]
    public void A_subscription_round_trips_with_its_lists()
    {
        var subscription = new Subscription(Guid.NewGuid(), "huggingface", "https://hooks.example.org", ["report.triaged", "report.resolved"],
            ["org/*"], "protected-secret", false, At);

        var (bson, back) = RoundTrip(MongoSubscriptionDocument.From(subscription));

        AssertUuid(subscription.Id, bson["_id"]);
        Assert.Equal(new BsonArray { "report.triaged", "report.resolved" }, bson["events"]);
        Assert.False(bson["enabled"].AsBoolean);
        AssertDate(At, bson["createdAt"]);
        Assert.Equal(JsonSerializer.Serialize(subscription), JsonSerializer.Serialize(back.ToSubscription()));
    }

    [Fact]
    public void A_route_round_trips_before_and_after_its_acknowledgement()
    {
        var route = new ReportRoute(Guid.NewGuid(), "huggingface", "org/model", At, null, null);

        var (bson, back) = RoundTrip(MongoRouteDocument.From(route));
        AssertUuid(route.Id, bson["_id"]);
        AssertUuid(route.ReportId, bson["reportId"]);
        Assert.Equal("report", bson["via"].AsString);
        Assert.Equal(BsonNull.Value, bson["acknowledgedAt"]);
        Assert.Equal(route, back.ToRoute());

        var acknowledged = route with { AcknowledgedAt = At.AddHours(1), AcknowledgementNote = "on it" };
        var (ackBson, ackBack) = RoundTrip(MongoRouteDocument.From(acknowledged));
        AssertDate(At.AddHours(1), ackBson["acknowledgedAt"]);
        Assert.Equal(acknowledged, ackBack.ToRoute());
    }

    [Fact]
    public void A_delivery_round_trips_and_starts_without_a_lease()
    {
        var delivery = new Delivery(Guid.NewGuid(), Guid.NewGuid(), "huggingface", Guid.NewGuid(), "report.triaged", "msg_1",
            """{"type":"report.triaged"}""", DeliveryStatuses.Pending, 2, At.AddMinutes(5), At, At.AddMinutes(1));

        var (bson, back) = RoundTrip(MongoDeliveryDocument.From(delivery));

        AssertUuid(delivery.Id, bson["_id"]);
        AssertUuid(delivery.SubscriptionId, bson["subscriptionId"]);
        AssertUuid(delivery.ReportId, bson["reportId"]);
        AssertDate(At.AddMinutes(5), bson["nextAttemptAt"]);
        AssertDate(At, bson["createdAt"]);
        AssertDate(At.AddMinutes(1), bson["lastAttemptAt"]);
        Assert.Equal(BsonNull.Value, bson["leaseUntil"]);
        Assert.Equal(BsonNull.Value, bson["leaseToken"]);
        Assert.Equal("""{"type":"report.triaged"}""", bson["payload"].AsString);
        Assert.Equal(delivery, back.ToDelivery());

        var unscheduled = delivery with { NextAttemptAt = null, LastAttemptAt = null };
        Assert.Equal(unscheduled, RoundTrip(MongoDeliveryDocument.From(unscheduled)).Back.ToDelivery());

        var token = Guid.NewGuid();
        var leased = RoundTrip(new MongoDeliveryDocument { Id = delivery.Id, LeaseToken = token, LeaseUntil = At });
        AssertUuid(token, leased.Bson["leaseToken"]);
        Assert.Equal(token, leased.Back.LeaseToken);
    }

    [Fact]
    public void An_attempt_round_trips_with_or_without_an_answer()
    {
        var answered = new DeliveryAttempt(Guid.NewGuid(), At, 503, 120, null, "busy");
        var unanswered = new DeliveryAttempt(Guid.NewGuid(), At, null, 10_000, "timed out", null);

        var (bson, back) = RoundTrip(MongoAttemptDocument.From(answered));

        Assert.Equal(BsonType.ObjectId, bson["_id"].BsonType);
        AssertUuid(answered.DeliveryId, bson["deliveryId"]);
        AssertDate(At, bson["at"]);
        Assert.Equal(503, bson["statusCode"].AsInt32);
        Assert.Equal(120L, bson["latencyMs"].AsInt64);
        Assert.Equal(answered, back.ToAttempt());
        Assert.Equal(unanswered, RoundTrip(MongoAttemptDocument.From(unanswered)).Back.ToAttempt());
    }

    [Fact]
    public void Attempts_written_one_after_another_sort_in_that_order()
    {
        var attempts = Enumerable.Range(0, 50).Select(_ => MongoAttemptDocument.From(new DeliveryAttempt(Guid.Empty, At, 200, 1, null, null))).ToList();
        Assert.Equal(attempts.Select(a => a.Sequence), attempts.Select(a => a.Sequence).Order());
    }
}
