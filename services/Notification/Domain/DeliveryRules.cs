namespace SafetyReports.Notification.Domain;

public sealed record AttemptOutcome(Delivery Delivery, bool Succeeded, bool DisableSubscription);

/// <summary>
/// What an attempt's answer means for the delivery: 2xx succeeds, 410 ends the subscription, anything
/// else (a redirect included: we never follow one) is retried on the schedule until it runs out.
/// </summary>
public static class DeliveryRules
{
    public static AttemptOutcome AfterAttempt(
        Delivery delivery, int? statusCode, TimeSpan? retryAfter, RetrySchedule schedule, DateTimeOffset now, RetryJitter? jitter = null)
    {
        var attempts = delivery.RoundAttempts + 1;
        var attempted = delivery with { RoundAttempts = attempts, LastAttemptAt = now };
        if (statusCode is >= 200 and < 300)
        {
            return new AttemptOutcome(attempted with { Status = DeliveryStatuses.Succeeded, NextAttemptAt = null }, true, false);
        }

        if (statusCode == 410)
        {
            return new AttemptOutcome(attempted with { Status = DeliveryStatuses.Failed, NextAttemptAt = null }, false, true);
        }

        var honoured = statusCode is 429 or 503 ? retryAfter : null;
        var next = schedule.NextAttempt(now, attempts, honoured, jitter);
        return new AttemptOutcome(
            next is null
                ? attempted with { Status = DeliveryStatuses.Failed, NextAttemptAt = null }
                : attempted with { Status = DeliveryStatuses.Pending, NextAttemptAt = next },
            false, false);
    }
}
