namespace SafetyReports.Notification.Storage;

/// <summary>Filters of the delivery log: always one host; optionally one report, one subscription, one status.</summary>
public sealed record DeliveryQuery(string HostId, Guid? ReportId = null, Guid? SubscriptionId = null, string? Status = null, int Max = 100);
