using SafetyReports.Notification.Domain;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Notification.Storage;

/// <summary>Notification's data: hosts, subscriptions, the reports told to hosts, deliveries and their attempts, the outbox.</summary>
public interface INotificationStore : IOutboxStore, IStoreHealth
{
    /// <summary>False when a host with that id exists.</summary>
    Task<bool> AddHostAsync(ModelHost host, CancellationToken cancellationToken);

    Task<ModelHost?> GetHostAsync(string hostId, CancellationToken cancellationToken);

    Task AddSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken);

    Task<Subscription?> GetSubscriptionAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(string hostId, CancellationToken cancellationToken);

    Task<bool> SetSubscriptionSecretAsync(Guid id, string protectedSecret, CancellationToken cancellationToken);

    Task<bool> SetSubscriptionEnabledAsync(Guid id, bool enabled, CancellationToken cancellationToken);

    /// <summary>Saves the route if new and each delivery not already planned (by id), in one transaction.</summary>
    Task SavePlanAsync(DeliveryPlan plan, CancellationToken cancellationToken);

    Task<ReportRoute?> GetRouteAsync(Guid reportId, CancellationToken cancellationToken);

    /// <summary>Records the first acknowledgement and its event atomically; later calls change nothing. Null when no route.</summary>
    Task<AcknowledgeResult?> AcknowledgeAsync(Guid reportId, string? note, DateTimeOffset at, OutboxMessage announcement, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="max"/> due deliveries so that no other dispatcher sends them meanwhile.</summary>
    Task<IReadOnlyList<Delivery>> LeaseDueDeliveriesAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Records an attempt and the delivery's new state (and its event, if any) in one transaction.</summary>
    Task CompleteAttemptAsync(Delivery updated, DeliveryAttempt attempt, OutboxMessage? announcement, CancellationToken cancellationToken);

    Task<Delivery?> GetDeliveryAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Delivery>> GetDeliveriesAsync(string hostId, Guid? reportId, int max, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryAttempt>> GetAttemptsAsync(Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>Puts a delivery back in the queue for now with a fresh round of retries; false when unknown.</summary>
    Task<bool> ReplayAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);
}
