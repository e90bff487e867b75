using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

public sealed partial class MongoNotificationStore : IDeliveryStore
{
    /// <summary>
    /// Each delivery is taken with one atomic find-and-modify whose filter requires it to be due and
    /// unleased, so two dispatchers can never both take the same one; each lease gets its own token.
    /// </summary>
    public async Task<IReadOnlyList<LeasedDelivery>> LeaseDueDeliveriesAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var leased = new List<LeasedDelivery>();
        var leasedIds = new List<Guid>();
        var options = new FindOneAndUpdateOptions<MongoDeliveryDocument>
        {
            Sort = MongoNotificationFilters.DueOrder,
            ReturnDocument = ReturnDocument.After,
        };
        while (leased.Count < max)
        {
            var held = new DeliveryLease(Guid.NewGuid(), DateTimeOffset.FromUnixTimeMilliseconds((now + lease).ToUnixTimeMilliseconds()));
            var document = await _deliveries.FindOneAndUpdateAsync(
                MongoNotificationFilters.Due(now, leasedIds), MongoNotificationFilters.Lease(held), options, cancellationToken);
            if (document is null)
            {
                break;
            }

            leasedIds.Add(document.Id);
            leased.Add(new LeasedDelivery(document.ToDelivery(), held));
        }

        return leased;
    }

    public Task<bool> RenewLeaseAsync(Guid id, Guid leaseToken, DateTimeOffset until, CancellationToken cancellationToken) =>
        UpdatesOneAsync(_deliveries, MongoNotificationFilters.HeldBy(id, leaseToken), MongoNotificationFilters.RenewLease(until), cancellationToken);

    /// <summary>The delivery's state first, under its lease: when the lease no longer holds it, nothing else is written.</summary>
    public Task<bool> CompleteAttemptAsync(
        Delivery updated, Guid leaseToken, DeliveryAttempt attempt, OutboxMessage? announcement, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            var result = await _deliveries.UpdateOneAsync(
                w.Session, MongoNotificationFilters.HeldBy(updated.Id, leaseToken), MongoNotificationFilters.AfterAttempt(updated),
                cancellationToken: w.CancellationToken);
            if (result.MatchedCount != 1)
            {
                return false;
            }

            await _attempts.InsertOneAsync(w.Session, MongoAttemptDocument.From(attempt), cancellationToken: w.CancellationToken);
            await w.AnnounceAsync(announcement);
            return true;
        }, cancellationToken);

    public Task<bool> DeferAsync(Guid id, Guid leaseToken, DateTimeOffset until, CancellationToken cancellationToken) =>
        UpdatesOneAsync(_deliveries, MongoNotificationFilters.HeldBy(id, leaseToken), MongoNotificationFilters.Defer(until), cancellationToken);

    public async Task<Delivery?> GetDeliveryAsync(Guid id, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var document = await _deliveries.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToDelivery();
    }

    public async Task<IReadOnlyList<Delivery>> GetDeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var documents = await _deliveries.Find(MongoNotificationFilters.Matching(query))
            .Sort(MongoNotificationFilters.NewestFirst).Limit(query.Max).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToDelivery()).ToList();
    }

    public async Task<IReadOnlyList<DeliveryAttempt>> GetAttemptsAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var documents = await _attempts.Find(MongoNotificationFilters.AttemptsOf(deliveryId))
            .Sort(MongoNotificationFilters.AttemptOrder).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToAttempt()).ToList();
    }

    public Task<bool> ReplayAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdatesOneAsync(
            _deliveries, new ExpressionFilterDefinition<MongoDeliveryDocument>(d => d.Id == id && (d.LeaseUntil == null || d.LeaseUntil <= now)),
            MongoNotificationFilters.Replay(now), cancellationToken);

    public async Task<int> RecoverAsync(Guid subscriptionId, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var result = await _deliveries.UpdateManyAsync(
            MongoNotificationFilters.FailedSince(subscriptionId, since), MongoNotificationFilters.Replay(now), cancellationToken: cancellationToken);
        return (int)result.MatchedCount;
    }

    /// <summary>Plans deliveries in the caller's transaction; one already planned (by id) stays as it is.</summary>
    private async Task InsertDeliveriesAsync(MongoWrite w, IReadOnlyList<Delivery> deliveries)
    {
        if (deliveries.Count == 0)
        {
            return;
        }

        var upserts = deliveries.Select(d => new UpdateOneModel<MongoDeliveryDocument>(
            Builders<MongoDeliveryDocument>.Filter.Eq(x => x.Id, d.Id),
            // A planned delivery has no attempt yet, whatever the record says (SQLite inserts NULL too).
            MongoNotificationFilters.InsertIfAbsent(MongoDeliveryDocument.From(d with { LastAttemptAt = null }))) { IsUpsert = true });
        await _deliveries.BulkWriteAsync(w.Session, upserts, new BulkWriteOptions { IsOrdered = true }, w.CancellationToken);
    }
}
