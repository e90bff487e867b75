using SafetyReports.Notification.Domain;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Notification.Storage;

/// <summary>
/// Notification's data: hosts, subscriptions, the reports told to hosts, their notices, forwarded contests and threads,
/// deliveries and their attempts, the outbox.
/// </summary>
public interface INotificationStore : IOutboxStore, IStoreHealth
{
    /// <summary>False when a host with that id exists.</summary>
    Task<bool> AddHostAsync(ModelHost host, CancellationToken cancellationToken);

    Task<ModelHost?> GetHostAsync(string hostId, CancellationToken cancellationToken);

    /// <summary>Every host, by id (hosts are a few hundred at most: organisations, not users).</summary>
    Task<IReadOnlyList<ModelHost>> GetHostsAsync(CancellationToken cancellationToken);

    Task AddSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken);

    Task<Subscription?> GetSubscriptionAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(string hostId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="rotated"/>'s secrets if the subscription still signs with <paramref name="expectedCurrentSecret"/>;
    /// false when it does not (a concurrent rotation) or does not exist.
    /// </summary>
    Task<bool> RotateSecretAsync(Subscription rotated, string expectedCurrentSecret, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the edit's URL, events and model patterns (and clears the failing period when it restarts it);
    /// the secret, the state and the host stay. False when unknown.
    /// </summary>
    Task<bool> EditSubscriptionAsync(SubscriptionEdit edit, CancellationToken cancellationToken);

    /// <summary>
    /// The disabled subscriptions whose reason is automatic (<see cref="DisabledReasons.Automatic"/>), most recently
    /// disabled first, at most <paramref name="max"/>, with how many there are in all. Read through an index of the disabled ones.
    /// </summary>
    Task<AutoDisabledSubscriptions> GetAutoDisabledSubscriptionsAsync(int max, CancellationToken cancellationToken);

    /// <summary>Enables the subscription and forgets its failing period, disable reason and time; false when unknown.</summary>
    Task<bool> EnableSubscriptionAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Disables an enabled subscription with its reason and time and, in the same transaction, its announcement.
    /// False when it was already disabled or does not exist (nothing is written).
    /// </summary>
    Task<bool> DisableSubscriptionAsync(Guid id, string reason, DateTimeOffset at, OutboxMessage? announcement, CancellationToken cancellationToken);

    /// <summary>
    /// Starts, keeps or ends the subscription's failing period after an attempt (a success ends it, a failure
    /// starts it unless it runs already). Returns the subscription as it now is; null when unknown.
    /// </summary>
    Task<Subscription?> RecordEndpointOutcomeAsync(Guid id, bool succeeded, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: saves the route if new, or else brings its summary forward if the plan's is newer (by version);
    /// and saves each delivery not already planned (by id).
    /// </summary>
    Task SavePlanAsync(DeliveryPlan plan, CancellationToken cancellationToken);

    Task<ReportRoute?> GetRouteAsync(Guid reportId, CancellationToken cancellationToken);

    /// <summary>A host's routes, newest first, after <paramref name="after"/>.</summary>
    Task<RoutePage> GetRoutesAsync(string hostId, RouteCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>Records the first acknowledgement and its event atomically; later calls change nothing. Null when no route.</summary>
    Task<AcknowledgeResult?> AcknowledgeAsync(Guid reportId, string? note, DateTimeOffset at, OutboxMessage announcement, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the route's response fields (and acknowledgement) with their events, if the route is still at
    /// <paramref name="expectedRevision"/> and still (un)acknowledged as <paramref name="wasAcknowledged"/> says; false otherwise.
    /// </summary>
    Task<bool> SaveResponseAsync(ReportRoute updated, int expectedRevision, bool wasAcknowledged, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken);

    /// <summary>Unacknowledged routes whose host was last told about them at or before <paramref name="lastContactBefore"/>, oldest contact first.</summary>
    Task<IReadOnlyList<ReportRoute>> GetRoutesAwaitingAcknowledgementAsync(DateTimeOffset lastContactBefore, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Records reminder number <c><paramref name="expectedRemindersSent"/> + 1</c> and its deliveries, if no other planner did;
    /// false when the route moved on (nothing is written).
    /// </summary>
    Task<bool> SaveReminderAsync(Guid reportId, int expectedRemindersSent, DateTimeOffset at, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps <paramref name="notice"/> as its report's notice if its revision is higher than the one kept (or none is),
    /// with <paramref name="deliveries"/> in the same transaction; otherwise writes nothing. Independent of the route.
    /// A replaced notice leaves no trace in the store's files where the adapter can promise it (SQLite).
    /// </summary>
    Task<NoticeWrite> SaveNoticeAsync(HostNotice notice, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);

    /// <summary>The notices kept for these reports (those that have one).</summary>
    Task<IReadOnlyList<HostNotice>> GetNoticesAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken);

    /// <summary>Records a forwarded contest and its deliveries in one transaction; false (nothing written) when its id is known.</summary>
    Task<bool> AddContestAsync(HostContest contest, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);

    /// <summary>The forwarded contests of these reports, oldest first.</summary>
    Task<IReadOnlyList<HostContest>> GetContestsAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken);

    /// <summary>
    /// Records a thread message with its deliveries and its announcement in one transaction; false (nothing written)
    /// when its id is known.
    /// </summary>
    Task<bool> AddMessageAsync(ThreadMessage message, IReadOnlyList<Delivery> deliveries, OutboxMessage? announcement, CancellationToken cancellationToken);

    /// <summary>The thread of a report with one host, oldest first.</summary>
    Task<IReadOnlyList<ThreadMessage>> GetMessagesAsync(Guid reportId, string hostId, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> due deliveries until <c><paramref name="now"/> + <paramref name="lease"/></c>, each
    /// under a new token, so that no other dispatcher takes them meanwhile.
    /// </summary>
    Task<IReadOnlyList<LeasedDelivery>> LeaseDueDeliveriesAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Extends a lease to <paramref name="until"/> if <paramref name="leaseToken"/> still holds the pending delivery; false
    /// (nothing written) when another dispatcher leased it since, it was replayed, or it finished.
    /// </summary>
    Task<bool> RenewLeaseAsync(Guid id, Guid leaseToken, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>
    /// Records an attempt and the delivery's new state (and its event, if any) in one transaction, if
    /// <paramref name="leaseToken"/> still holds the pending delivery; false, and nothing written, when it does not.
    /// </summary>
    Task<bool> CompleteAttemptAsync(Delivery updated, Guid leaseToken, DeliveryAttempt attempt, OutboxMessage? announcement, CancellationToken cancellationToken);

    /// <summary>
    /// Hands a leased, pending delivery back for later without an attempt (its endpoint's queue was full), if
    /// <paramref name="leaseToken"/> still holds it; false otherwise.
    /// </summary>
    Task<bool> DeferAsync(Guid id, Guid leaseToken, DateTimeOffset until, CancellationToken cancellationToken);

    Task<Delivery?> GetDeliveryAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>A host's deliveries matching the query, newest first.</summary>
    Task<IReadOnlyList<Delivery>> GetDeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryAttempt>> GetAttemptsAsync(Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a delivery back in the queue for now with a fresh round of retries and no lease (an earlier lease's token no
    /// longer completes it); false when unknown or while an attempt holds its lease.
    /// </summary>
    Task<bool> ReplayAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Replays every failed delivery of a subscription created at or after <paramref name="since"/>; returns how many.</summary>
    Task<int> RecoverAsync(Guid subscriptionId, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken);
}
