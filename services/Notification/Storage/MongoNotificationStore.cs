using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.Notification.Domain;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Notification.Storage;

/// <summary>
/// Notification's store on MongoDB; behaves as <see cref="SqliteNotificationStore"/> does (the contract
/// tests hold both to it). Writes that touch several documents, or a state change and its event, use one transaction.
/// </summary>
public sealed class MongoNotificationStore : INotificationStore
{
    public const string HostsCollection = "hosts";
    public const string SubscriptionsCollection = "subscriptions";
    public const string RoutesCollection = "routes";
    public const string DeliveriesCollection = "deliveries";
    public const string AttemptsCollection = "attempts";
    public const string NoticesCollection = "notices";
    public const string ContestsCollection = "contests";
    public const string MessagesCollection = "messages";

    private readonly IMongoDatabase _database;
    private readonly IMongoCollection<MongoHostDocument> _hosts;
    private readonly IMongoCollection<MongoSubscriptionDocument> _subscriptions;
    private readonly IMongoCollection<MongoRouteDocument> _routes;
    private readonly IMongoCollection<MongoDeliveryDocument> _deliveries;
    private readonly IMongoCollection<MongoAttemptDocument> _attempts;
    private readonly IMongoCollection<MongoNoticeDocument> _notices;
    private readonly IMongoCollection<MongoContestDocument> _contests;
    private readonly IMongoCollection<MongoThreadMessageDocument> _messages;
    private readonly MongoOutbox _outbox;
    private readonly MongoStoreSetup _setup;

    public MongoNotificationStore(IMongoDatabase database)
    {
        _database = database;
        _hosts = database.GetCollection<MongoHostDocument>(HostsCollection);
        _subscriptions = database.GetCollection<MongoSubscriptionDocument>(SubscriptionsCollection);
        _routes = database.GetCollection<MongoRouteDocument>(RoutesCollection);
        _deliveries = database.GetCollection<MongoDeliveryDocument>(DeliveriesCollection);
        _attempts = database.GetCollection<MongoAttemptDocument>(AttemptsCollection);
        _notices = database.GetCollection<MongoNoticeDocument>(NoticesCollection);
        _contests = database.GetCollection<MongoContestDocument>(ContestsCollection);
        _messages = database.GetCollection<MongoThreadMessageDocument>(MessagesCollection);
        _outbox = new MongoOutbox(database);
        _setup = new MongoStoreSetup(ct => MongoNotificationIndexes.CreateAsync(database, ct));
    }

    public WorkSignal OutboxSignal { get; } = new();

    public async Task<bool> AddHostAsync(ModelHost host, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        try
        {
            await _hosts.InsertOneAsync(MongoHostDocument.From(host), cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException ex) when (MongoTransactions.IsDuplicateKey(ex))
        {
            return false;
        }
    }

    public async Task<ModelHost?> GetHostAsync(string hostId, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var document = await _hosts.Find(d => d.Id == hostId).FirstOrDefaultAsync(cancellationToken);
        return document?.ToHost();
    }

    public async Task<IReadOnlyList<ModelHost>> GetHostsAsync(CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var documents = await _hosts.Find(FilterDefinition<MongoHostDocument>.Empty).SortBy(d => d.Id).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToHost()).ToList();
    }

    /// <summary>
    /// Unlike SQLite's foreign key, nothing here refuses an unknown host: the endpoint checks the host
    /// before it adds a subscription.
    /// </summary>
    public async Task AddSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        await _subscriptions.InsertOneAsync(MongoSubscriptionDocument.From(subscription), cancellationToken: cancellationToken);
    }

    public async Task<Subscription?> GetSubscriptionAsync(Guid id, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var document = await _subscriptions.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToSubscription();
    }

    public async Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(string hostId, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var documents = await _subscriptions.Find(MongoNotificationFilters.SubscriptionsOf(hostId))
            .Sort(MongoNotificationFilters.OldestFirst).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToSubscription()).ToList();
    }

    public async Task<bool> RotateSecretAsync(Subscription rotated, string expectedCurrentSecret, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var result = await _subscriptions.UpdateOneAsync(
            MongoNotificationFilters.SigningWith(rotated.Id, expectedCurrentSecret), MongoNotificationFilters.Rotate(rotated),
            cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    // Matched, not modified: like SQLite's change count, enabling an enabled subscription still counts as found.
    public async Task<bool> EnableSubscriptionAsync(Guid id, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var result = await _subscriptions.UpdateOneAsync(d => d.Id == id, MongoNotificationFilters.Enable, cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<bool> EditSubscriptionAsync(SubscriptionEdit edit, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var result = await _subscriptions.UpdateOneAsync(d => d.Id == edit.Id, MongoNotificationFilters.Edit(edit), cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<AutoDisabledSubscriptions> GetAutoDisabledSubscriptionsAsync(int max, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var documents = await _subscriptions.Find(MongoNotificationFilters.AutoDisabled)
            .Sort(MongoNotificationFilters.MostRecentlyDisabledFirst).Limit(max).ToListAsync(cancellationToken);
        var total = await _subscriptions.CountDocumentsAsync(MongoNotificationFilters.AutoDisabled, cancellationToken: cancellationToken);
        return new AutoDisabledSubscriptions(documents.Select(d => d.ToSubscription()).ToList(), (int)total);
    }

    public async Task<bool> DisableSubscriptionAsync(Guid id, string reason, DateTimeOffset at, OutboxMessage? announcement, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var disabled = await MongoTransactions.RunAsync(_database.Client, async (session, ct) =>
        {
            var result = await _subscriptions.UpdateOneAsync(
                session, MongoNotificationFilters.EnabledWithId(id), MongoNotificationFilters.Disable(reason, at), cancellationToken: ct);
            if (result.MatchedCount == 1 && announcement is not null)
            {
                await _outbox.AddAsync(session, [announcement], ct);
            }

            return result.MatchedCount == 1;
        }, cancellationToken);
        if (disabled && announcement is not null)
        {
            OutboxSignal.Notify();
        }

        return disabled;
    }

    public async Task<Subscription?> RecordEndpointOutcomeAsync(Guid id, bool succeeded, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var document = succeeded
            ? await _subscriptions.FindOneAndUpdateAsync(
                d => d.Id == id, MongoNotificationFilters.FailingSince(null),
                new FindOneAndUpdateOptions<MongoSubscriptionDocument> { ReturnDocument = ReturnDocument.After }, cancellationToken)
            : await _subscriptions.FindOneAndUpdateAsync(
                MongoNotificationFilters.NotFailing(id), MongoNotificationFilters.FailingSince(at),
                new FindOneAndUpdateOptions<MongoSubscriptionDocument> { ReturnDocument = ReturnDocument.After }, cancellationToken)
              ?? await _subscriptions.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToSubscription();
    }

    public async Task SavePlanAsync(DeliveryPlan plan, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        if (plan.Route is null && plan.Deliveries.Count == 0)
        {
            return;
        }

        await MongoTransactions.RunAsync(_database.Client, async (session, ct) =>
        {
            if (plan.Route is { } route)
            {
                await _routes.UpdateOneAsync(
                    session, Builders<MongoRouteDocument>.Filter.Eq(d => d.ReportId, route.ReportId),
                    MongoNotificationFilters.InsertIfAbsent(MongoRouteDocument.From(route)),
                    new UpdateOptions { IsUpsert = true }, ct);
                if (route.Summary is { } summary)
                {
                    await _routes.UpdateOneAsync(
                        session, MongoNotificationFilters.SummaryOlderThan(route.ReportId, summary.Version),
                        MongoNotificationFilters.SetSummary(summary), cancellationToken: ct);
                }
            }

            await InsertDeliveriesAsync(session, plan.Deliveries, ct);
            return 0;
        }, cancellationToken);
    }

    public async Task<ReportRoute?> GetRouteAsync(Guid reportId, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var document = await _routes.Find(d => d.ReportId == reportId).FirstOrDefaultAsync(cancellationToken);
        return document?.ToRoute();
    }

    public async Task<RoutePage> GetRoutesAsync(string hostId, RouteCursor? after, int limit, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var documents = await _routes.Find(MongoNotificationFilters.RoutesOf(hostId, after))
            .Sort(MongoNotificationFilters.RoutesNewestFirst).Limit(limit + 1).ToListAsync(cancellationToken);
        var items = documents.Take(limit).Select(d => d.ToRoute()).ToList();
        return new RoutePage(items, documents.Count > limit ? RouteCursor.After(items[^1]) : null);
    }

    public async Task<AcknowledgeResult?> AcknowledgeAsync(Guid reportId, string? note, DateTimeOffset at, OutboxMessage announcement, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var acknowledgedAt = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        var result = await MongoTransactions.RunAsync(_database.Client, async (session, ct) =>
        {
            var route = await _routes.Find(session, d => d.ReportId == reportId).FirstOrDefaultAsync(ct);
            if (route is null)
            {
                return null;
            }

            if (route.AcknowledgedAt is { } earlier)
            {
                return new AcknowledgeResult(earlier, false);
            }

            var recorded = await _routes.UpdateOneAsync(
                session, MongoNotificationFilters.NotAcknowledged(reportId),
                Builders<MongoRouteDocument>.Update.Set(d => d.AcknowledgedAt, acknowledgedAt).Set(d => d.AcknowledgementNote, note),
                cancellationToken: ct);
            if (recorded.MatchedCount != 1)
            {
                throw new MongoConflictException($"The route of {reportId} was acknowledged concurrently.");
            }

            await _outbox.AddAsync(session, [announcement], ct);
            return new AcknowledgeResult(acknowledgedAt, true);
        }, cancellationToken);
        if (result is { First: true })
        {
            OutboxSignal.Notify();
        }

        return result;
    }

    public async Task<bool> SaveResponseAsync(
        ReportRoute updated, int expectedRevision, bool wasAcknowledged, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var saved = await MongoTransactions.RunAsync(_database.Client, async (session, ct) =>
        {
            var result = await _routes.UpdateOneAsync(
                session, MongoNotificationFilters.AtResponseRevision(updated.ReportId, expectedRevision, wasAcknowledged),
                MongoNotificationFilters.SetResponse(updated), cancellationToken: ct);
            if (result.MatchedCount == 1 && events.Count > 0)
            {
                await _outbox.AddAsync(session, events, ct);
            }

            return result.MatchedCount == 1;
        }, cancellationToken);
        if (saved && events.Count > 0)
        {
            OutboxSignal.Notify();
        }

        return saved;
    }

    public async Task<IReadOnlyList<ReportRoute>> GetRoutesAwaitingAcknowledgementAsync(DateTimeOffset lastContactBefore, int max, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var documents = await _routes.Find(MongoNotificationFilters.AwaitingAcknowledgement(lastContactBefore))
            .Sort(MongoNotificationFilters.LongestWaitingFirst).Limit(max).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToRoute()).ToList();
    }

    public async Task<bool> SaveReminderAsync(Guid reportId, int expectedRemindersSent, DateTimeOffset at, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        return await MongoTransactions.RunAsync(_database.Client, async (session, ct) =>
        {
            var result = await _routes.UpdateOneAsync(
                session, MongoNotificationFilters.AtReminder(reportId, expectedRemindersSent), MongoNotificationFilters.Reminded(at), cancellationToken: ct);
            if (result.MatchedCount != 1)
            {
                return false;
            }

            await InsertDeliveriesAsync(session, deliveries, ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Reads the kept revision and replaces the notice in one transaction: two writers racing conflict, and the
    /// driver runs the loser again, which then finds the winner's revision. MongoDB promises nothing about the
    /// bytes of a replaced document on disk (docs/webhooks.md says so).
    /// </summary>
    public async Task<NoticeWrite> SaveNoticeAsync(HostNotice notice, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        return await MongoTransactions.RunAsync(_database.Client, async (session, ct) =>
        {
            // The revision alone: a notice may be long, and only its revision decides.
            var stored = await _notices.Find(session, MongoNotificationFilters.NoticeOf(notice.ReportId))
                .Project<MongoNoticeDocument>(MongoNotificationFilters.RevisionOnly).FirstOrDefaultAsync(ct);
            int? kept = stored?.Revision;
            if (kept >= notice.Revision)
            {
                return NoticeWrite.Ignored;
            }

            await _notices.ReplaceOneAsync(
                session, MongoNotificationFilters.NoticeOf(notice.ReportId), MongoNoticeDocument.From(notice), new ReplaceOptions { IsUpsert = true }, ct);
            await InsertDeliveriesAsync(session, deliveries, ct);
            return kept is null ? NoticeWrite.Stored : NoticeWrite.Replaced;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<HostNotice>> GetNoticesAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        if (reportIds.Count == 0)
        {
            return [];
        }

        var documents = await _notices.Find(MongoNotificationFilters.NoticesOf(reportIds)).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToNotice()).ToList();
    }

    public async Task<bool> AddContestAsync(HostContest contest, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        return await MongoTransactions.RunAsync(_database.Client, async (session, ct) =>
        {
            var result = await _contests.UpdateOneAsync(
                session, Builders<MongoContestDocument>.Filter.Eq(d => d.Id, contest.Id),
                MongoNotificationFilters.InsertIfAbsent(MongoContestDocument.From(contest)), new UpdateOptions { IsUpsert = true }, ct);
            if (result.UpsertedId is null)
            {
                return false;
            }

            await InsertDeliveriesAsync(session, deliveries, ct);
            return true;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<HostContest>> GetContestsAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        if (reportIds.Count == 0)
        {
            return [];
        }

        var documents = await _contests.Find(MongoNotificationFilters.ContestsOf(reportIds))
            .Sort(MongoNotificationFilters.ContestsOldestFirst).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToContest()).ToList();
    }

    public async Task<bool> AddMessageAsync(ThreadMessage message, IReadOnlyList<Delivery> deliveries, OutboxMessage? announcement, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var added = await MongoTransactions.RunAsync(_database.Client, async (session, ct) =>
        {
            var result = await _messages.UpdateOneAsync(
                session, Builders<MongoThreadMessageDocument>.Filter.Eq(d => d.Id, message.Id),
                MongoNotificationFilters.InsertIfAbsent(MongoThreadMessageDocument.Of(message)), new UpdateOptions { IsUpsert = true }, ct);
            if (result.UpsertedId is null)
            {
                return false;
            }

            await InsertDeliveriesAsync(session, deliveries, ct);
            if (announcement is not null)
            {
                await _outbox.AddAsync(session, [announcement], ct);
            }

            return true;
        }, cancellationToken);
        if (added && announcement is not null)
        {
            OutboxSignal.Notify();
        }

        return added;
    }

    public async Task<IReadOnlyList<ThreadMessage>> GetMessagesAsync(Guid reportId, string hostId, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var documents = await _messages.Find(MongoNotificationFilters.ThreadOf(reportId, hostId))
            .Sort(MongoNotificationFilters.ThreadOrder).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToMessage()).ToList();
    }

    /// <summary>
    /// Each delivery is taken with one atomic find-and-modify whose filter requires it to be due and
    /// unleased, so two dispatchers can never both take the same one; each lease gets its own token.
    /// </summary>
    public async Task<IReadOnlyList<LeasedDelivery>> LeaseDueDeliveriesAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
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

    public async Task<bool> RenewLeaseAsync(Guid id, Guid leaseToken, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var result = await _deliveries.UpdateOneAsync(
            MongoNotificationFilters.HeldBy(id, leaseToken), MongoNotificationFilters.RenewLease(until), cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    /// <summary>The delivery's state first, under its lease: when the lease no longer holds it, nothing else is written.</summary>
    public async Task<bool> CompleteAttemptAsync(
        Delivery updated, Guid leaseToken, DeliveryAttempt attempt, OutboxMessage? announcement, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var completed = await MongoTransactions.RunAsync(_database.Client, async (session, ct) =>
        {
            var result = await _deliveries.UpdateOneAsync(
                session, MongoNotificationFilters.HeldBy(updated.Id, leaseToken), MongoNotificationFilters.AfterAttempt(updated), cancellationToken: ct);
            if (result.MatchedCount != 1)
            {
                return false;
            }

            await _attempts.InsertOneAsync(session, MongoAttemptDocument.From(attempt), cancellationToken: ct);
            if (announcement is not null)
            {
                await _outbox.AddAsync(session, [announcement], ct);
            }

            return true;
        }, cancellationToken);
        if (completed && announcement is not null)
        {
            OutboxSignal.Notify();
        }

        return completed;
    }

    public async Task<bool> DeferAsync(Guid id, Guid leaseToken, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var result = await _deliveries.UpdateOneAsync(
            MongoNotificationFilters.HeldBy(id, leaseToken), MongoNotificationFilters.Defer(until), cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<Delivery?> GetDeliveryAsync(Guid id, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var document = await _deliveries.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToDelivery();
    }

    public async Task<IReadOnlyList<Delivery>> GetDeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var documents = await _deliveries.Find(MongoNotificationFilters.Matching(query))
            .Sort(MongoNotificationFilters.NewestFirst).Limit(query.Max).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToDelivery()).ToList();
    }

    public async Task<IReadOnlyList<DeliveryAttempt>> GetAttemptsAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var documents = await _attempts.Find(MongoNotificationFilters.AttemptsOf(deliveryId))
            .Sort(MongoNotificationFilters.AttemptOrder).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToAttempt()).ToList();
    }

    public async Task<bool> ReplayAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var result = await _deliveries.UpdateOneAsync(
            d => d.Id == id && (d.LeaseUntil == null || d.LeaseUntil <= now), MongoNotificationFilters.Replay(now), cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<int> RecoverAsync(Guid subscriptionId, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var result = await _deliveries.UpdateManyAsync(
            MongoNotificationFilters.FailedSince(subscriptionId, since), MongoNotificationFilters.Replay(now), cancellationToken: cancellationToken);
        return (int)result.MatchedCount;
    }

    public async Task<IReadOnlyList<OutboxMessage>> PeekOutboxAsync(int max, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        return await _outbox.PeekAsync(max, cancellationToken);
    }

    public async Task RemoveFromOutboxAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        await _outbox.RemoveAsync(ids, cancellationToken);
    }

    public async Task QuarantineOutboxAsync(Guid id, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        await _outbox.QuarantineAsync(id, reason, at, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, long>> CountQuarantinedAsync(CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        return QuarantineCounts.Of(await _outbox.CountQuarantinedAsync(cancellationToken));
    }

    private async Task InsertDeliveriesAsync(IClientSessionHandle session, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0)
        {
            return;
        }

        var upserts = deliveries.Select(d => new UpdateOneModel<MongoDeliveryDocument>(
            Builders<MongoDeliveryDocument>.Filter.Eq(x => x.Id, d.Id),
            // A planned delivery has no attempt yet, whatever the record says (SQLite inserts NULL too).
            MongoNotificationFilters.InsertIfAbsent(MongoDeliveryDocument.From(d with { LastAttemptAt = null }))) { IsUpsert = true });
        await _deliveries.BulkWriteAsync(session, upserts, new BulkWriteOptions { IsOrdered = true }, cancellationToken);
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        await _database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
    }
}
