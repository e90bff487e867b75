namespace SafetyReports.Notification.Api;

/// <summary>A subscription Notification disabled on its own (410 Gone, or failing too long).</summary>
/// <param name="Kind">Always <c>subscription_disabled</c> for now: other kinds of notice may follow.</param>
/// <param name="FailingSince">The first failed attempt of the period that led to it; null after 410 Gone from a healthy receiver, or after the URL was edited.</param>
public sealed record SubscriptionDisabledNotice(
    string Kind, Guid SubscriptionId, string HostId, string Url, string Reason, DateTimeOffset DisabledAt, DateTimeOffset? FailingSince)
{
    public const string SubscriptionDisabled = "subscription_disabled";

    public static SubscriptionDisabledNotice From(Subscription s) =>
        new(SubscriptionDisabled, s.Id, s.HostId, s.Url, s.DisabledReason ?? "", s.DisabledAt ?? s.CreatedAt, s.FailingSince);
}

/// <param name="Total">How many there are; <paramref name="Items"/> holds at most the limit asked for, most recently disabled first.</param>
public sealed record NoticeList(IReadOnlyList<SubscriptionDisabledNotice> Items, int Total);
