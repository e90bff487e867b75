namespace SafetyReports.Notification.Domain;

/// <param name="StatusCode">The receiver's HTTP status, null when no answer came (refused, timed out, blocked).</param>
/// <param name="ResponseExcerpt">The first bytes of the answer, for the delivery log.</param>
public sealed record DeliveryAttempt(
    Guid DeliveryId,
    DateTimeOffset At,
    int? StatusCode,
    long LatencyMs,
    string? Error,
    string? ResponseExcerpt);
