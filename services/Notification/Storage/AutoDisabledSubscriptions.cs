namespace SafetyReports.Notification.Storage;

/// <param name="Total">How many there are in all; <paramref name="Items"/> may hold fewer.</param>
public sealed record AutoDisabledSubscriptions(IReadOnlyList<Subscription> Items, int Total);
