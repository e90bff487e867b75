namespace SafetyReports.Contracts;

/// <summary>
/// Notification stopped sending webhooks to a host's subscription on its own: the receiver answered
/// 410 Gone, or every attempt failed for the auto-disable period. <paramref name="AffectedReportIds"/>
/// are the reports whose webhooks to that subscription were pending or failed when it was disabled.
/// </summary>
/// <param name="Reason"><c>gone</c> or <c>failing</c>.</param>
/// <param name="FailingSince">The first failed attempt of the failing period, if any.</param>
public sealed record WebhookSubscriptionDisabled(
    Guid SubscriptionId,
    string HostId,
    string Reason,
    DateTimeOffset? FailingSince,
    DateTimeOffset DisabledAt,
    IReadOnlyList<Guid> AffectedReportIds);
