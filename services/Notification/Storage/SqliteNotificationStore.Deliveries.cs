using Microsoft.Data.Sqlite;
using static SafetyReports.ServiceDefaults.Storage.Sqlite.SqliteCommandExtensions;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Notification.Storage;

public sealed partial class SqliteNotificationStore : IDeliveryStore
{
    private const string DeliveryColumns =
        "id, subscription_id, host_id, report_id, event_type, webhook_id, payload, status, round_attempts, next_attempt_at, created_at, last_attempt_at";

    /// <summary>Whether a lease still holds the delivery: its token, and the delivery still pending (a replay clears the token).</summary>
    private const string HeldBy = "id = $id AND lease_token = $token AND status = 'pending'";

    public Task<IReadOnlyList<LeasedDelivery>> LeaseDueDeliveriesAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<LeasedDelivery>>(async w =>
        {
            var due = await w.QueryAsync(
                $"""
                SELECT {DeliveryColumns} FROM deliveries
                WHERE status = 'pending' AND next_attempt_at <= $now AND (lease_until IS NULL OR lease_until <= $now)
                ORDER BY next_attempt_at LIMIT $max
                """,
                ReadDelivery, ("$now", now.ToUnixMs()), ("$max", max));
            var leased = new List<LeasedDelivery>(due.Count);
            foreach (var d in due)
            {
                var held = new DeliveryLease(Guid.NewGuid(), FromUnixMs((now + lease).ToUnixMs()));
                await w.ExecuteAsync("UPDATE deliveries SET lease_until = $until, lease_token = $token WHERE id = $id",
                    ("$id", d.Id.ToString()), ("$until", held.Until.ToUnixMs()), ("$token", held.Token.ToString()));
                leased.Add(new LeasedDelivery(d, held));
            }

            return leased;
        }, cancellationToken);

    public Task<bool> RenewLeaseAsync(Guid id, Guid leaseToken, DateTimeOffset until, CancellationToken cancellationToken) =>
        WriteAsync(w => w.ChangesOneAsync(
            $"UPDATE deliveries SET lease_until = $until WHERE {HeldBy}",
            ("$id", id.ToString()), ("$token", leaseToken.ToString()), ("$until", until.ToUnixMs())), cancellationToken);

    public Task<bool> CompleteAttemptAsync(
        Delivery updated, Guid leaseToken, DeliveryAttempt attempt, OutboxMessage? announcement, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var held = await w.ChangesOneAsync(
                $"""
                UPDATE deliveries SET status = $status, round_attempts = $round, next_attempt_at = $next, lease_until = NULL,
                    lease_token = NULL, last_attempt_at = $last WHERE {HeldBy}
                """,
                ("$id", updated.Id.ToString()), ("$token", leaseToken.ToString()), ("$status", updated.Status),
                ("$round", updated.RoundAttempts), ("$next", updated.NextAttemptAt?.ToUnixMs()), ("$last", updated.LastAttemptAt?.ToUnixMs()));
            if (!held)
            {
                return false;
            }

            await w.ExecuteAsync(
                """
                INSERT INTO attempts (delivery_id, at, status_code, latency_ms, error, response_excerpt)
                VALUES ($delivery, $at, $code, $latency, $error, $excerpt)
                """,
                ("$delivery", attempt.DeliveryId.ToString()), ("$at", attempt.At.ToUnixMs()), ("$code", attempt.StatusCode),
                ("$latency", attempt.LatencyMs), ("$error", attempt.Error), ("$excerpt", attempt.ResponseExcerpt));
            await w.AnnounceAsync(announcement);
            return true;
        }, cancellationToken);

    public Task<bool> DeferAsync(Guid id, Guid leaseToken, DateTimeOffset until, CancellationToken cancellationToken) =>
        WriteAsync(w => w.ChangesOneAsync(
            $"UPDATE deliveries SET next_attempt_at = $until, lease_until = NULL, lease_token = NULL WHERE {HeldBy}",
            ("$id", id.ToString()), ("$token", leaseToken.ToString()), ("$until", until.ToUnixMs())), cancellationToken);

    public Task<Delivery?> GetDeliveryAsync(Guid id, CancellationToken cancellationToken) =>
        QueryFirstAsync($"SELECT {DeliveryColumns} FROM deliveries WHERE id = $id", ReadDelivery, ("$id", id.ToString()));

    public async Task<IReadOnlyList<Delivery>> GetDeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"""
            SELECT {DeliveryColumns} FROM deliveries
            WHERE host_id = $host AND ($report IS NULL OR report_id = $report) AND ($subscription IS NULL OR subscription_id = $subscription)
                AND ($status IS NULL OR status = $status)
            ORDER BY created_at DESC LIMIT $max
            """,
            ReadDelivery, ("$host", query.HostId), ("$report", query.ReportId?.ToString()),
            ("$subscription", query.SubscriptionId?.ToString()), ("$status", query.Status), ("$max", query.Max));

    public async Task<IReadOnlyList<DeliveryAttempt>> GetAttemptsAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        await QueryAsync(
            "SELECT delivery_id, at, status_code, latency_ms, error, response_excerpt FROM attempts WHERE delivery_id = $id ORDER BY seq",
            r => new DeliveryAttempt(Guid.Parse(r.GetString(0)), FromUnixMs(r.GetInt64(1)), r.IsDBNull(2) ? null : r.GetInt32(2),
                r.GetInt64(3), r.GetNullableString(4), r.GetNullableString(5)),
            ("$id", deliveryId.ToString()));

    public Task<bool> ReplayAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(w => w.ChangesOneAsync(
            """
            UPDATE deliveries SET status = 'pending', round_attempts = 0, next_attempt_at = $now, lease_until = NULL, lease_token = NULL
            WHERE id = $id AND (lease_until IS NULL OR lease_until <= $now)
            """,
            ("$id", id.ToString()), ("$now", now.ToUnixMs())), cancellationToken);

    public Task<int> RecoverAsync(Guid subscriptionId, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(w => w.ExecuteAsync(
            """
            UPDATE deliveries SET status = 'pending', round_attempts = 0, next_attempt_at = $now, lease_until = NULL, lease_token = NULL
            WHERE subscription_id = $subscription AND status = 'failed' AND created_at >= $since
            """,
            ("$subscription", subscriptionId.ToString()), ("$since", since.ToUnixMs()), ("$now", now.ToUnixMs())), cancellationToken);

    /// <summary>Plans deliveries in the caller's write; one already planned (by id) stays as it is.</summary>
    private static async Task InsertDeliveriesAsync(SqliteWrite w, IReadOnlyList<Delivery> deliveries)
    {
        foreach (var d in deliveries)
        {
            await w.ExecuteAsync(
                $"""
                INSERT INTO deliveries ({DeliveryColumns})
                VALUES ($id, $subscription, $host, $report, $event, $webhook, $payload, $status, $round, $next, $created, NULL)
                ON CONFLICT (id) DO NOTHING
                """,
                ("$id", d.Id.ToString()), ("$subscription", d.SubscriptionId.ToString()), ("$host", d.HostId),
                ("$report", d.ReportId.ToString()), ("$event", d.EventType), ("$webhook", d.WebhookId), ("$payload", d.Payload),
                ("$status", d.Status), ("$round", d.RoundAttempts), ("$next", d.NextAttemptAt?.ToUnixMs()), ("$created", d.CreatedAt.ToUnixMs()));
        }
    }

    private static Delivery ReadDelivery(SqliteDataReader r) => new(
        Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.GetString(2), Guid.Parse(r.GetString(3)), r.GetString(4),
        r.GetString(5), r.GetString(6), r.GetString(7), r.GetInt32(8), r.GetNullableTime(9),
        FromUnixMs(r.GetInt64(10)), r.GetNullableTime(11));
}
