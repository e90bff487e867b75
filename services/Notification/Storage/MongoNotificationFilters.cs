using MongoDB.Bson;
using MongoDB.Driver;

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

    public static UpdateDefinition<MongoDeliveryDocument> Lease(DeliveryLease lease) =>
        Builders<MongoDeliveryDocument>.Update.Set(d => d.LeaseUntil, lease.Until).Set(d => d.LeaseToken, lease.Token);

    /// <summary>
    /// The delivery while <paramref name="leaseToken"/> holds it and it is pending, as SQLite's
    /// <c>id = $id AND lease_token = $token AND status = 'pending'</c>: what completing, deferring and renewing require.
    /// </summary>
    public static FilterDefinition<MongoDeliveryDocument> HeldBy(Guid id, Guid leaseToken) =>
        Deliveries.Eq(d => d.Id, id) & Deliveries.Eq(d => d.LeaseToken, leaseToken) & Deliveries.Eq(d => d.Status, DeliveryStatuses.Pending);

    public static UpdateDefinition<MongoDeliveryDocument> RenewLease(DateTimeOffset until) =>
        Builders<MongoDeliveryDocument>.Update.Set(d => d.LeaseUntil, until);

    /// <summary>The delivery's state after an attempt; the lease ends with the attempt, as SQLite's <c>lease_until = NULL, lease_token = NULL</c>.</summary>
    public static UpdateDefinition<MongoDeliveryDocument> AfterAttempt(Delivery updated) =>
        Builders<MongoDeliveryDocument>.Update
            .Set(d => d.Status, updated.Status)
            .Set(d => d.RoundAttempts, updated.RoundAttempts)
            .Set(d => d.NextAttemptAt, updated.NextAttemptAt)
            .Set(d => d.LeaseUntil, null)
            .Set(d => d.LeaseToken, null)
            .Set(d => d.LastAttemptAt, updated.LastAttemptAt);

    /// <summary>Back in the queue for <paramref name="now"/> with a fresh round of retries and no lease: an earlier lease's token no longer holds it.</summary>
    public static UpdateDefinition<MongoDeliveryDocument> Replay(DateTimeOffset now) =>
        Builders<MongoDeliveryDocument>.Update
            .Set(d => d.Status, DeliveryStatuses.Pending)
            .Set(d => d.RoundAttempts, 0)
            .Set(d => d.NextAttemptAt, now)
            .Set(d => d.LeaseUntil, null)
            .Set(d => d.LeaseToken, null);

    public static FilterDefinition<MongoDeliveryDocument> OfHost(string hostId, Guid? reportId) =>
        reportId is { } report
            ? Deliveries.Eq(d => d.HostId, hostId) & Deliveries.Eq(d => d.ReportId, report)
            : Deliveries.Eq(d => d.HostId, hostId);

    public static SortDefinition<MongoDeliveryDocument> NewestFirst { get; } =
        Builders<MongoDeliveryDocument>.Sort.Descending(d => d.CreatedAt);

    /// <summary>The delivery log's filters: the host, then each optional one, as SQLite's <c>($x IS NULL OR x = $x)</c>.</summary>
    public static FilterDefinition<MongoDeliveryDocument> Matching(DeliveryQuery query)
    {
        var filter = OfHost(query.HostId, query.ReportId);
        if (query.SubscriptionId is { } subscription)
        {
            filter &= Deliveries.Eq(d => d.SubscriptionId, subscription);
        }

        return query.Status is { } status ? filter & Deliveries.Eq(d => d.Status, status) : filter;
    }

    /// <summary>Failed deliveries of a subscription created at or after <paramref name="since"/>: what a recovery sends again.</summary>
    public static FilterDefinition<MongoDeliveryDocument> FailedSince(Guid subscriptionId, DateTimeOffset since) =>
        Deliveries.Eq(d => d.SubscriptionId, subscriptionId) & Deliveries.Eq(d => d.Status, DeliveryStatuses.Failed)
        & Deliveries.Gte(d => d.CreatedAt, since);

    /// <summary>Back in the queue at <paramref name="until"/> without an attempt, the lease ended.</summary>
    public static UpdateDefinition<MongoDeliveryDocument> Defer(DateTimeOffset until) =>
        Builders<MongoDeliveryDocument>.Update.Set(d => d.NextAttemptAt, until).Set(d => d.LeaseUntil, null).Set(d => d.LeaseToken, null);

    private static FilterDefinitionBuilder<MongoSubscriptionDocument> Subscriptions => Builders<MongoSubscriptionDocument>.Filter;

    /// <summary>Compare-and-swap of a rotation: only while the subscription still signs with the secret the rotation replaced.</summary>
    public static FilterDefinition<MongoSubscriptionDocument> SigningWith(Guid id, string protectedSecret) =>
        Subscriptions.Eq(d => d.Id, id) & Subscriptions.Eq(d => d.ProtectedSecret, protectedSecret);

    public static UpdateDefinition<MongoSubscriptionDocument> Rotate(Subscription rotated) =>
        Builders<MongoSubscriptionDocument>.Update
            .Set(d => d.ProtectedSecret, rotated.ProtectedSecret)
            .Set(d => d.PreviousProtectedSecret, rotated.PreviousProtectedSecret)
            .Set(d => d.PreviousSecretExpiresAt, rotated.PreviousSecretExpiresAt);

    /// <summary>Only an enabled subscription is disabled, so exactly one caller announces it.</summary>
    public static FilterDefinition<MongoSubscriptionDocument> EnabledWithId(Guid id) =>
        Subscriptions.Eq(d => d.Id, id) & Subscriptions.Eq(d => d.Enabled, true);

    public static UpdateDefinition<MongoSubscriptionDocument> Disable(string reason, DateTimeOffset at) =>
        Builders<MongoSubscriptionDocument>.Update.Set(d => d.Enabled, false).Set(d => d.DisabledReason, reason).Set(d => d.DisabledAt, at);

    public static UpdateDefinition<MongoSubscriptionDocument> Enable { get; } =
        Builders<MongoSubscriptionDocument>.Update.Set(d => d.Enabled, true).Set(d => d.FailingSince, null).Set(d => d.DisabledReason, null)
            .Set(d => d.DisabledAt, null);

    /// <summary>The edited fields; the failing period ends only when the edit restarts it (a new URL).</summary>
    public static UpdateDefinition<MongoSubscriptionDocument> Edit(SubscriptionEdit edit)
    {
        var update = Builders<MongoSubscriptionDocument>.Update
            .Set(d => d.Url, edit.Url)
            .Set(d => d.Events, edit.Events.ToList())
            .Set(d => d.ModelPatterns, edit.ModelPatterns.ToList());
        return edit.RestartsFailingPeriod ? update.Set(d => d.FailingSince, null) : update;
    }

    /// <summary>
    /// Subscriptions Notification disabled on its own. <c>disabledAt</c> of type date is the partial filter of
    /// <c>ix_subscriptions_disabled</c>, so this reads that index (the disabled subscriptions), never every subscription.
    /// </summary>
    public static FilterDefinition<MongoSubscriptionDocument> AutoDisabled { get; } =
        Subscriptions.Type(d => d.DisabledAt, BsonType.DateTime)
        & Subscriptions.Eq(d => d.Enabled, false)
        & Subscriptions.In(d => d.DisabledReason, DisabledReasons.Automatic);

    public static SortDefinition<MongoSubscriptionDocument> MostRecentlyDisabledFirst { get; } =
        Builders<MongoSubscriptionDocument>.Sort.Descending(d => d.DisabledAt).Descending(d => d.Id);

    /// <summary>Disabled subscriptions from before <c>disabledAt</c> existed (the field missing or null): see <see cref="DisabledAtBackfill"/>.</summary>
    public static FilterDefinition<MongoSubscriptionDocument> DisabledWithoutTime { get; } =
        Subscriptions.Eq(d => d.Enabled, false) & Subscriptions.Eq(d => d.DisabledAt, null);

    /// <summary>As SQLite's migration: the start of the failing period, else the creation, so the admins' notices list them.</summary>
    public static UpdateDefinition<MongoSubscriptionDocument> DisabledAtBackfill { get; } =
        new PipelineUpdateDefinition<MongoSubscriptionDocument>(new[]
        {
            new BsonDocument("$set", new BsonDocument("disabledAt", new BsonDocument("$ifNull", new BsonArray { "$failingSince", "$createdAt" }))),
        });

    /// <summary>A failure starts the failing period only if none runs: SQLite's <c>COALESCE(failing_since, $at)</c>.</summary>
    public static FilterDefinition<MongoSubscriptionDocument> NotFailing(Guid id) =>
        Subscriptions.Eq(d => d.Id, id) & Subscriptions.Eq(d => d.FailingSince, null);

    public static UpdateDefinition<MongoSubscriptionDocument> FailingSince(DateTimeOffset? at) =>
        Builders<MongoSubscriptionDocument>.Update.Set(d => d.FailingSince, at);

    private static FilterDefinitionBuilder<MongoRouteDocument> Routes => Builders<MongoRouteDocument>.Filter;

    /// <summary>The route, if it has no summary yet or an older one (by version): late events never overwrite newer ones.</summary>
    public static FilterDefinition<MongoRouteDocument> SummaryOlderThan(Guid routeId, long version) =>
        Routes.Eq(d => d.Id, routeId)
        & Routes.Or(Routes.Eq(d => d.Summary, null), Routes.Lt(d => d.Summary!.Version, version));

    public static UpdateDefinition<MongoRouteDocument> SetSummary(ReportSummary summary) =>
        Builders<MongoRouteDocument>.Update.Set(d => d.Summary, MongoReportSummaryDocument.From(summary));

    /// <summary>A host's routes after the cursor, as SQLite's <c>first_event_at &lt; $at OR (first_event_at = $at AND report_id &lt; $id)</c>.</summary>
    public static FilterDefinition<MongoRouteDocument> RoutesOf(string hostId, RouteCursor? after) =>
        after is null
            ? Routes.Eq(d => d.HostId, hostId)
            : Routes.Eq(d => d.HostId, hostId)
              & Routes.Or(
                  Routes.Lt(d => d.FirstEventAt, after.FirstEventAt),
                  Routes.Eq(d => d.FirstEventAt, after.FirstEventAt) & Routes.Lt(d => d.ReportId, after.ReportId));

    public static SortDefinition<MongoRouteDocument> RoutesNewestFirst { get; } =
        Builders<MongoRouteDocument>.Sort.Descending(d => d.FirstEventAt).Descending(d => d.ReportId);

    /// <summary>A counter that documents from before it existed lack: 0 matches the missing field too.</summary>
    private static FilterDefinition<MongoRouteDocument> CounterIs(System.Linq.Expressions.Expression<Func<MongoRouteDocument, int>> field, int value) =>
        value == 0
            ? Routes.Or(Routes.Eq(field, 0), Missing(field))
            : Routes.Eq(field, value);

    private static FilterDefinition<MongoRouteDocument> Missing(System.Linq.Expressions.LambdaExpression field) =>
        Routes.Exists(new ExpressionFieldDefinition<MongoRouteDocument>(field), false);

    /// <summary>Compare-and-swap of a response: the revision read, and the acknowledgement as read (set or not).</summary>
    public static FilterDefinition<MongoRouteDocument> AtResponseRevision(Guid routeId, int revision, bool acknowledged) =>
        Routes.Eq(d => d.Id, routeId)
        & CounterIs(d => d.ResponseRevision, revision)
        & (acknowledged ? Routes.Ne(d => d.AcknowledgedAt, null) : Routes.Eq(d => d.AcknowledgedAt, null));

    public static UpdateDefinition<MongoRouteDocument> SetResponse(ReportRoute updated) =>
        Builders<MongoRouteDocument>.Update
            .Set(d => d.Response, updated.Response)
            .Set(d => d.RespondedAt, updated.RespondedAt)
            .Set(d => d.ResponseRevision, updated.ResponseRevision)
            .Set(d => d.ResponseUpdatedAt, updated.ResponseUpdatedAt)
            .Set(d => d.AcknowledgedAt, updated.AcknowledgedAt)
            .Set(d => d.AcknowledgementNote, updated.AcknowledgementNote);

    /// <summary>
    /// Unacknowledged routes last told at or before <paramref name="before"/> whose report is not closed; a route
    /// stored before <c>lastContactAt</c> existed counts from its first event.
    /// </summary>
    public static FilterDefinition<MongoRouteDocument> AwaitingAcknowledgement(DateTimeOffset before) =>
        Routes.Eq(d => d.AcknowledgedAt, null)
        & Routes.Or(
            Routes.Lte(d => d.LastContactAt, before),
            Missing((System.Linq.Expressions.Expression<Func<MongoRouteDocument, DateTimeOffset>>)(d => d.LastContactAt)) & Routes.Lte(d => d.FirstEventAt, before))
        & Routes.Nin(d => d.Summary!.Status, [Contracts.ReportStatuses.Resolved, Contracts.ReportStatuses.Rejected, Contracts.ReportStatuses.Duplicate]);

    public static SortDefinition<MongoRouteDocument> LongestWaitingFirst { get; } =
        Builders<MongoRouteDocument>.Sort.Ascending(d => d.LastContactAt).Ascending(d => d.ReportId).Ascending(d => d.HostId);

    /// <summary>Every route of a report, read through <c>ix_host_routes_report</c>.</summary>
    public static FilterDefinition<MongoRouteDocument> RoutesOfReport(Guid reportId) => Routes.Eq(d => d.ReportId, reportId);

    public static SortDefinition<MongoRouteDocument> ByHost { get; } = Builders<MongoRouteDocument>.Sort.Ascending(d => d.HostId);

    /// <summary>Compare-and-swap of a reminder: the count read, still unacknowledged.</summary>
    public static FilterDefinition<MongoRouteDocument> AtReminder(Guid routeId, int remindersSent) =>
        Routes.Eq(d => d.Id, routeId) & CounterIs(d => d.RemindersSent, remindersSent) & Routes.Eq(d => d.AcknowledgedAt, null);

    public static UpdateDefinition<MongoRouteDocument> Reminded(DateTimeOffset at) =>
        Builders<MongoRouteDocument>.Update.Inc(d => d.RemindersSent, 1).Set(d => d.LastRemindedAt, at).Set(d => d.LastContactAt, at);

    public static FilterDefinition<MongoSubscriptionDocument> SubscriptionsOf(string hostId) =>
        Builders<MongoSubscriptionDocument>.Filter.Eq(d => d.HostId, hostId);

    public static SortDefinition<MongoSubscriptionDocument> OldestFirst { get; } =
        Builders<MongoSubscriptionDocument>.Sort.Ascending(d => d.CreatedAt);

    /// <summary>Compare-and-swap for the first acknowledgement: the route, only while nobody acknowledged it.</summary>
    public static FilterDefinition<MongoRouteDocument> NotAcknowledged(Guid routeId) =>
        Builders<MongoRouteDocument>.Filter.Eq(d => d.Id, routeId) & Builders<MongoRouteDocument>.Filter.Eq(d => d.AcknowledgedAt, null);

    public static FilterDefinition<MongoAttemptDocument> AttemptsOf(Guid deliveryId) =>
        Builders<MongoAttemptDocument>.Filter.Eq(d => d.DeliveryId, deliveryId);

    public static SortDefinition<MongoAttemptDocument> AttemptOrder { get; } =
        Builders<MongoAttemptDocument>.Sort.Ascending(d => d.Sequence);

    public static FilterDefinition<MongoNoticeDocument> NoticeOf(Guid reportId) =>
        Builders<MongoNoticeDocument>.Filter.Eq(d => d.ReportId, reportId);

    public static ProjectionDefinition<MongoNoticeDocument> RevisionOnly { get; } =
        Builders<MongoNoticeDocument>.Projection.Include(d => d.Revision);

    public static FilterDefinition<MongoNoticeDocument> NoticesOf(IEnumerable<Guid> reportIds) =>
        Builders<MongoNoticeDocument>.Filter.In(d => d.ReportId, reportIds.Distinct());

    /// <summary>The forwarded contests of some reports, read through <c>ix_contests_report</c>.</summary>
    public static FilterDefinition<HostContest> ContestsOf(IEnumerable<Guid> reportIds) =>
        Builders<HostContest>.Filter.In(d => d.ReportId, reportIds.Distinct());

    public static SortDefinition<HostContest> ContestsOldestFirst { get; } =
        Builders<HostContest>.Sort.Ascending(d => d.ContestedAt).Ascending(d => d.Id);

    public static FilterDefinition<MongoLogLeafDocument> LogLeafKey(string key) => Builders<MongoLogLeafDocument>.Filter.Eq(d => d.Id, key);

    /// <summary>The log leaves of some reports, read through <c>ix_log_leaves_report</c>.</summary>
    public static FilterDefinition<MongoLogLeafDocument> LogLeavesOf(IEnumerable<Guid> reportIds) =>
        Builders<MongoLogLeafDocument>.Filter.In(d => d.ReportId, reportIds.Distinct());

    /// <summary>A report's thread with one host, read through <c>ix_messages_report</c>.</summary>
    public static FilterDefinition<ThreadMessage> ThreadOf(Guid reportId, string hostId) =>
        Builders<ThreadMessage>.Filter.Eq(d => d.ReportId, reportId) & Builders<ThreadMessage>.Filter.Eq(d => d.HostId, hostId);

    public static SortDefinition<ThreadMessage> ThreadOrder { get; } =
        Builders<ThreadMessage>.Sort.Ascending(d => d.SentAt).Ascending(d => d.Id);

    /// <summary>The manifests listing one of the digests, read through the multikey <c>ix_model_manifests_digests</c>.</summary>
    public static FilterDefinition<MongoModelManifestDocument> ManifestsWithAny(IEnumerable<string> digests) =>
        Builders<MongoModelManifestDocument>.Filter.AnyIn(d => d.Digests, digests);

    /// <summary>The reports carrying one of the digests, read through the multikey <c>ix_report_digests_digests</c>.</summary>
    public static FilterDefinition<MongoReportDigestsDocument> ReportsWithAny(IEnumerable<string> digests) =>
        Builders<MongoReportDigestsDocument>.Filter.AnyIn(d => d.Digests, digests);

    public static FilterDefinition<MongoModelAliasDocument> AliasesWithIds(IEnumerable<string> ids) =>
        Builders<MongoModelAliasDocument>.Filter.In(d => d.Id, ids);

    /// <summary>The members of alias groups, read through <c>ix_model_aliases_group</c>.</summary>
    public static FilterDefinition<MongoModelAliasDocument> AliasesInGroups(IEnumerable<Guid> groups) =>
        Builders<MongoModelAliasDocument>.Filter.In(d => d.GroupId, groups);

    public static UpdateDefinition<MongoModelAliasDocument> MoveToGroup(Guid group) =>
        Builders<MongoModelAliasDocument>.Update.Set(d => d.GroupId, group);

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
