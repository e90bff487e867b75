using SafetyReports.ServiceDefaults.Email;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Notification.Storage;

/// <summary>
/// Notification's data, one interface per aggregate: hosts, subscriptions, the reports told to hosts (routes), what is shared
/// with hosts beyond status (notices, forwarded contests, threads), deliveries and their attempts, model identity (manifests, aliases, report digests); the outbox and the mail outbox (hosts' mails). One adapter
/// (SQLite or MongoDB) implements them all; a consumer or an endpoint asks for the one it uses.
/// </summary>
public interface INotificationStore : IHostStore, ISubscriptionStore, IRouteStore, IHostLoopStore, IDeliveryStore, IModelStore, IOutboxStore, IStoreHealth, IMailOutboxStore;
