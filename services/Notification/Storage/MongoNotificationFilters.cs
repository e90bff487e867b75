using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.Notification.Domain;

namespace SafetyReports.Notification.Storage;

/// <summary>The filters, sorts and updates the MongoDB notification store uses, public so their rendered shape is unit-tested.</summary>
public static class MongoNotificationFilters
{
    private static FilterDefinitionBuilder<MongoDeliveryDocument> Deliveries => Builders<MongoDeliveryDocument>.Filter;

    /// <summary>
    /// Pending deliveries whose time has come and whose lease (if any) has ended, as SQLite's
    /// <c>status = 'pending' AND next_attempt_at &lt;= now AND (lease_until IS NULL OR lease_until &lt;= now)</c>;
    /// <paramref name="leasedAlready"/> keeps one lease call from taking a delivery twice when the lease is zero.
    /// </summary>
    public static FilterDefinition<MongoDeliveryDocument> Due(DateTimeOffset now, IReadOnlyCollection<Guid> leasedAlready)
    {
        var due = Deliveries.Eq(d => d.Status, DeliveryStatuses.Pending)
                  & Deliveries.Lte(d => d.NextAttemptAt, now)
                  & Deliveries.Or(Deliveries.Eq(d => d.LeaseUntil, null), Deliveries.Lte(d => d.LeaseUntil, now));
        return leasedAlready.Count == 0 ? due : due & Deliveries.Nin(d => d.Id, leasedAlready);
    }

    public static SortDefinition<MongoDeliveryDocument> DueOrder { get; } =
        Builders<MongoDeliveryDocument>.Sort.Ascending(d => d.NextAttemptAt);

    public static UpdateDefinition<MongoDeliveryDocument> Lease(DateTimeOffset until) =>
        Builders<MongoDeliveryDocument>.Update.Set(d => d.LeaseUntil, until);

    /// <summary>The delivery's state after an attempt; the lease ends with the attempt, as SQLite's <c>lease_until = NULL</c>.</summary>
    public static UpdateDefinition<MongoDeliveryDocument> AfterAttempt(Delivery updated) =>
        Builders<MongoDeliveryDocument>.Update
            .Set(d => d.Status, updated.Status)
            .Set(d => d.RoundAttempts, updated.RoundAttempts)
            .Set(d => d.NextAttemptAt, updated.NextAttemptAt)
            .Set(d => d.LeaseUntil, null)
            .Set(d => d.LastAttemptAt, updated.LastAttemptAt);

    /// <summary>Back in the queue for <paramref name="now"/> with a fresh round of retries and no lease.</summary>
    public static UpdateDefinition<MongoDeliveryDocument> Replay(DateTimeOffset now) =>
        Builders<MongoDeliveryDocument>.Update
            .Set(d => d.Status, DeliveryStatuses.Pending)
            .Set(d => d.RoundAttempts, 0)
            .Set(d => d.NextAttemptAt, now)
            .Set(d => d.LeaseUntil, null);

    public static FilterDefinition<MongoDeliveryDocument> OfHost(string hostId, Guid? reportId) =>
        reportId is { } report
            ? Deliveries.Eq(d => d.HostId, hostId) & Deliveries.Eq(d => d.ReportId, report)
            : Deliveries.Eq(d => d.HostId, hostId);

    public static SortDefinition<MongoDeliveryDocument> NewestFirst { get; } =
        Builders<MongoDeliveryDocument>.Sort.Descending(d => d.CreatedAt);

    public static FilterDefinition<MongoSubscriptionDocument> SubscriptionsOf(string hostId) =>
        Builders<MongoSubscriptionDocument>.Filter.Eq(d => d.HostId, hostId);

    public static SortDefinition<MongoSubscriptionDocument> OldestFirst { get; } =
        Builders<MongoSubscriptionDocument>.Sort.Ascending(d => d.CreatedAt);

    /// <summary>Compare-and-swap for the first acknowledgement: the route, only while nobody acknowledged it.</summary>
    public static FilterDefinition<MongoRouteDocument> NotAcknowledged(Guid reportId) =>
        Builders<MongoRouteDocument>.Filter.Eq(d => d.ReportId, reportId) & Builders<MongoRouteDocument>.Filter.Eq(d => d.AcknowledgedAt, null);

    public static FilterDefinition<MongoAttemptDocument> AttemptsOf(Guid deliveryId) =>
        Builders<MongoAttemptDocument>.Filter.Eq(d => d.DeliveryId, deliveryId);

    public static SortDefinition<MongoAttemptDocument> AttemptOrder { get; } =
        Builders<MongoAttemptDocument>.Sort.Ascending(d => d.Sequence);

    /// <summary>
    /// SQLite's <c>INSERT … ON CONFLICT DO NOTHING</c> as an upsert: every field but <c>_id</c> under
    /// <c>$setOnInsert</c>, so an existing document is left exactly as it is.
    /// </summary>
    public static UpdateDefinition<TDocument> InsertIfAbsent<TDocument>(TDocument document)
    {
        var fields = document.ToBsonDocument();
        fields.Remove("_id");
        return new BsonDocumentUpdateDefinition<TDocument>(new BsonDocument("$setOnInsert", fields));
    }
}
