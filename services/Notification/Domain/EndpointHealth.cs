namespace SafetyReports.Notification.Domain;

/// <summary>
/// Tracks how long a subscription's receiver has been failing and decides when to give up on it
/// (as Svix does: after every attempt failed for five days, the endpoint is disabled).
/// </summary>
public static class EndpointHealth
{
    public static readonly TimeSpan DefaultAutoDisableAfter = TimeSpan.FromDays(5);

    /// <returns>The new start of the failing period: cleared by a success, kept (or started) by a failure.</returns>
    public static DateTimeOffset? FailingSince(DateTimeOffset? failingSince, bool succeeded, DateTimeOffset at) =>
        succeeded ? null : failingSince ?? at;

    /// <summary>True when an enabled subscription has been failing for at least <paramref name="period"/>.</summary>
    public static bool ShouldDisable(Subscription subscription, DateTimeOffset now, TimeSpan period) =>
        subscription is { Enabled: true, FailingSince: { } since } && now - since >= period;
}
