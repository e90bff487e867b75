namespace SafetyReports.Notification.Storage;

/// <summary>
/// A dispatcher's hold on a delivery until <paramref name="Until"/>. <paramref name="Token"/> is new with every lease, and
/// the store completes, defers or renews the delivery only for the token that holds it now: a dispatcher whose lease
/// ran out (another one leased the delivery since, or it was replayed) changes nothing.
/// </summary>
public sealed record DeliveryLease(Guid Token, DateTimeOffset Until);

/// <summary>A due delivery as a dispatcher leased it.</summary>
public sealed record LeasedDelivery(Delivery Delivery, DeliveryLease Lease);
