using System.Text.Json;
using Microsoft.Data.Sqlite;
using SafetyReports.Notification.Domain;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.ServiceDefaults.Storage;
using static SafetyReports.ServiceDefaults.Storage.SqliteCommandExtensions;

namespace SafetyReports.Notification.Storage;

public sealed class SqliteNotificationStore : INotificationStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS hosts (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            contact_email TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS subscriptions (
            id TEXT PRIMARY KEY,
            host_id TEXT NOT NULL REFERENCES hosts (id),
            url TEXT NOT NULL,
            events TEXT NOT NULL,
            model_patterns TEXT NOT NULL,
            protected_secret TEXT NOT NULL,
            enabled INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_subscriptions_host ON subscriptions (host_id);
        CREATE TABLE IF NOT EXISTS routes (
            report_id TEXT PRIMARY KEY,
            host_id TEXT NOT NULL,
            model_id TEXT NOT NULL,
            first_event_at INTEGER NOT NULL,
            acknowledged_at INTEGER,
            acknowledgement_note TEXT
        );
        CREATE TABLE IF NOT EXISTS deliveries (
            id TEXT PRIMARY KEY,
            subscription_id TEXT NOT NULL,
            host_id TEXT NOT NULL,
            report_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            webhook_id TEXT NOT NULL,
            payload TEXT NOT NULL,
            status TEXT NOT NULL,
            round_attempts INTEGER NOT NULL,
            next_attempt_at INTEGER,
            lease_until INTEGER,
            created_at INTEGER NOT NULL,
            last_attempt_at INTEGER
        );
        CREATE INDEX IF NOT EXISTS ix_deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
        CREATE INDEX IF NOT EXISTS ix_deliveries_host ON deliveries (host_id, created_at DESC);
        CREATE TABLE IF NOT EXISTS attempts (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            delivery_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            status_code INTEGER,
            latency_ms INTEGER NOT NULL,
            error TEXT,
            response_excerpt TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_attempts_delivery ON attempts (delivery_id, seq);
        """ + SqliteOutbox.Schema;

    private const string DeliveryColumns =
        "id, subscription_id, host_id, report_id, event_type, webhook_id, payload, status, round_attempts, next_attempt_at, created_at, last_attempt_at";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SqliteDatabase _database;

    public SqliteNotificationStore(string path)
    {
        _database = new SqliteDatabase(path, Schema);
    }

    public WorkSignal OutboxSignal { get; } = new();

    public Task<bool> AddHostAsync(ModelHost host, CancellationToken cancellationToken) =>
        _database.WriteAsync(async (c, t) => await c.ExecuteAsync(
            "INSERT INTO hosts (id, name, contact_email, created_at) VALUES ($id, $name, $email, $at) ON CONFLICT (id) DO NOTHING",
            t, ("$id", host.Id), ("$name", host.Name), ("$email", host.ContactEmail), ("$at", host.CreatedAt.ToUnixMs())) == 1,
            cancellationToken);

    public Task<ModelHost?> GetHostAsync(string hostId, CancellationToken cancellationToken) =>
        _database.ReadAsync(async c => (await c.QueryAsync(
            "SELECT id, name, contact_email, created_at FROM hosts WHERE id = $id",
            r => new ModelHost(r.GetString(0), r.GetString(1), r.GetString(2), FromUnixMs(r.GetInt64(3))),
            null, ("$id", hostId))).FirstOrDefault());

    public Task AddSubscriptionAsync(Subscription s, CancellationToken cancellationToken) =>
        _database.WriteAsync((c, t) => c.ExecuteAsync(
            """
            INSERT INTO subscriptions (id, host_id, url, events, model_patterns, protected_secret, enabled, created_at)
            VALUES ($id, $host, $url, $events, $patterns, $secret, $enabled, $at)
            """,
            t, ("$id", s.Id.ToString()), ("$host", s.HostId), ("$url", s.Url), ("$events", JsonSerializer.Serialize(s.Events, Json)),
            ("$patterns", JsonSerializer.Serialize(s.ModelPatterns, Json)), ("$secret", s.ProtectedSecret),
            ("$enabled", s.Enabled ? 1 : 0), ("$at", s.CreatedAt.ToUnixMs())), cancellationToken);

    public Task<Subscription?> GetSubscriptionAsync(Guid id, CancellationToken cancellationToken) =>
        _database.ReadAsync(async c => (await c.QueryAsync(
            "SELECT id, host_id, url, events, model_patterns, protected_secret, enabled, created_at FROM subscriptions WHERE id = $id",
            ReadSubscription, null, ("$id", id.ToString()))).FirstOrDefault());

    public async Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(string hostId, CancellationToken cancellationToken) =>
        await _database.ReadAsync(c => c.QueryAsync(
            "SELECT id, host_id, url, events, model_patterns, protected_secret, enabled, created_at FROM subscriptions WHERE host_id = $host ORDER BY created_at",
            ReadSubscription, null, ("$host", hostId)));

    public Task<bool> SetSubscriptionSecretAsync(Guid id, string protectedSecret, CancellationToken cancellationToken) =>
        _database.WriteAsync(async (c, t) => await c.ExecuteAsync(
            "UPDATE subscriptions SET protected_secret = $secret WHERE id = $id",
            t, ("$id", id.ToString()), ("$secret", protectedSecret)) == 1, cancellationToken);

    public Task<bool> SetSubscriptionEnabledAsync(Guid id, bool enabled, CancellationToken cancellationToken) =>
        _database.WriteAsync(async (c, t) => await c.ExecuteAsync(
            "UPDATE subscriptions SET enabled = $enabled WHERE id = $id",
            t, ("$id", id.ToString()), ("$enabled", enabled ? 1 : 0)) == 1, cancellationToken);

    public Task SavePlanAsync(DeliveryPlan plan, CancellationToken cancellationToken) =>
        _database.WriteAsync(async (c, t) =>
        {
            if (plan.Route is { } route)
            {
                await c.ExecuteAsync(
                    """
                    INSERT INTO routes (report_id, host_id, model_id, first_event_at) VALUES ($id, $host, $model, $at)
                    ON CONFLICT (report_id) DO NOTHING
                    """,
                    t, ("$id", route.ReportId.ToString()), ("$host", route.HostId), ("$model", route.ModelId), ("$at", route.FirstEventAt.ToUnixMs()));
            }

            foreach (var d in plan.Deliveries)
            {
                await c.ExecuteAsync(
                    $"""
                    INSERT INTO deliveries ({DeliveryColumns})
                    VALUES ($id, $subscription, $host, $report, $event, $webhook, $payload, $status, $round, $next, $created, NULL)
                    ON CONFLICT (id) DO NOTHING
                    """,
                    t, ("$id", d.Id.ToString()), ("$subscription", d.SubscriptionId.ToString()), ("$host", d.HostId),
                    ("$report", d.ReportId.ToString()), ("$event", d.EventType), ("$webhook", d.WebhookId), ("$payload", d.Payload),
                    ("$status", d.Status), ("$round", d.RoundAttempts), ("$next", d.NextAttemptAt?.ToUnixMs()), ("$created", d.CreatedAt.ToUnixMs()));
            }

            return 0;
        }, cancellationToken);

    public Task<ReportRoute?> GetRouteAsync(Guid reportId, CancellationToken cancellationToken) =>
        _database.ReadAsync(c => GetRouteAsync(c, null, reportId));

    public async Task<AcknowledgeResult?> AcknowledgeAsync(Guid reportId, string? note, DateTimeOffset at, OutboxMessage announcement, CancellationToken cancellationToken)
    {
        var result = await _database.WriteAsync(async (c, t) =>
        {
            var route = await GetRouteAsync(c, t, reportId);
            if (route is null)
            {
                return null;
            }

            if (route.AcknowledgedAt is { } earlier)
            {
                return new AcknowledgeResult(earlier, false);
            }

            await c.ExecuteAsync(
                "UPDATE routes SET acknowledged_at = $at, acknowledgement_note = $note WHERE report_id = $id",
                t, ("$id", reportId.ToString()), ("$at", at.ToUnixMs()), ("$note", note));
            await SqliteOutbox.AddAsync(c, t, announcement);
            return new AcknowledgeResult(FromUnixMs(at.ToUnixMs()), true);
        }, cancellationToken);
        if (result is { First: true })
        {
            OutboxSignal.Notify();
        }

        return result;
    }

    public async Task<IReadOnlyList<Delivery>> LeaseDueDeliveriesAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        await _database.WriteAsync(async (c, t) =>
        {
            var due = await c.QueryAsync(
                $"""
                SELECT {DeliveryColumns} FROM deliveries
                WHERE status = 'pending' AND next_attempt_at <= $now AND (lease_until IS NULL OR lease_until <= $now)
                ORDER BY next_attempt_at LIMIT $max
                """,
                ReadDelivery, t, ("$now", now.ToUnixMs()), ("$max", max));
            foreach (var d in due)
            {
                await c.ExecuteAsync("UPDATE deliveries SET lease_until = $until WHERE id = $id",
                    t, ("$id", d.Id.ToString()), ("$until", (now + lease).ToUnixMs()));
            }

            return due;
        }, cancellationToken);

    public async Task CompleteAttemptAsync(Delivery updated, DeliveryAttempt attempt, OutboxMessage? announcement, CancellationToken cancellationToken)
    {
        await _database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync(
                """
                INSERT INTO attempts (delivery_id, at, status_code, latency_ms, error, response_excerpt)
                VALUES ($delivery, $at, $code, $latency, $error, $excerpt)
                """,
                t, ("$delivery", attempt.DeliveryId.ToString()), ("$at", attempt.At.ToUnixMs()), ("$code", attempt.StatusCode),
                ("$latency", attempt.LatencyMs), ("$error", attempt.Error), ("$excerpt", attempt.ResponseExcerpt));
            await c.ExecuteAsync(
                """
                UPDATE deliveries SET status = $status, round_attempts = $round, next_attempt_at = $next, lease_until = NULL,
                    last_attempt_at = $last WHERE id = $id
                """,
                t, ("$id", updated.Id.ToString()), ("$status", updated.Status), ("$round", updated.RoundAttempts),
                ("$next", updated.NextAttemptAt?.ToUnixMs()), ("$last", updated.LastAttemptAt?.ToUnixMs()));
            if (announcement is not null)
            {
                await SqliteOutbox.AddAsync(c, t, announcement);
            }

            return 0;
        }, cancellationToken);
        if (announcement is not null)
        {
            OutboxSignal.Notify();
        }
    }

    public Task<Delivery?> GetDeliveryAsync(Guid id, CancellationToken cancellationToken) =>
        _database.ReadAsync(async c => (await c.QueryAsync(
            $"SELECT {DeliveryColumns} FROM deliveries WHERE id = $id", ReadDelivery, null, ("$id", id.ToString()))).FirstOrDefault());

    public async Task<IReadOnlyList<Delivery>> GetDeliveriesAsync(string hostId, Guid? reportId, int max, CancellationToken cancellationToken) =>
        await _database.ReadAsync(c => c.QueryAsync(
            $"""
            SELECT {DeliveryColumns} FROM deliveries
            WHERE host_id = $host AND ($report IS NULL OR report_id = $report)
            ORDER BY created_at DESC LIMIT $max
            """,
            ReadDelivery, null, ("$host", hostId), ("$report", reportId?.ToString()), ("$max", max)));

    public async Task<IReadOnlyList<DeliveryAttempt>> GetAttemptsAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        await _database.ReadAsync(c => c.QueryAsync(
            "SELECT delivery_id, at, status_code, latency_ms, error, response_excerpt FROM attempts WHERE delivery_id = $id ORDER BY seq",
            r => new DeliveryAttempt(Guid.Parse(r.GetString(0)), FromUnixMs(r.GetInt64(1)), r.IsDBNull(2) ? null : r.GetInt32(2),
                r.GetInt64(3), r.GetNullableString(4), r.GetNullableString(5)),
            null, ("$id", deliveryId.ToString())));

    public Task<bool> ReplayAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.WriteAsync(async (c, t) => await c.ExecuteAsync(
            "UPDATE deliveries SET status = 'pending', round_attempts = 0, next_attempt_at = $now, lease_until = NULL WHERE id = $id",
            t, ("$id", id.ToString()), ("$now", now.ToUnixMs())) == 1, cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> PeekOutboxAsync(int max, CancellationToken cancellationToken) =>
        SqliteOutbox.PeekAsync(_database, max);

    public Task RemoveFromOutboxAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        SqliteOutbox.RemoveAsync(_database, ids, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => _database.PingAsync(cancellationToken);

    private static async Task<ReportRoute?> GetRouteAsync(SqliteConnection connection, SqliteTransaction? transaction, Guid reportId) =>
        (await connection.QueryAsync(
            "SELECT report_id, host_id, model_id, first_event_at, acknowledged_at, acknowledgement_note FROM routes WHERE report_id = $id",
            r => new ReportRoute(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), FromUnixMs(r.GetInt64(3)),
                r.IsDBNull(4) ? null : FromUnixMs(r.GetInt64(4)), r.GetNullableString(5)),
            transaction, ("$id", reportId.ToString()))).FirstOrDefault();

    private static Subscription ReadSubscription(SqliteDataReader r) => new(
        Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2),
        JsonSerializer.Deserialize<List<string>>(r.GetString(3), Json) ?? [],
        JsonSerializer.Deserialize<List<string>>(r.GetString(4), Json) ?? [],
        r.GetString(5), r.GetInt64(6) == 1, FromUnixMs(r.GetInt64(7)));

    private static Delivery ReadDelivery(SqliteDataReader r) => new(
        Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.GetString(2), Guid.Parse(r.GetString(3)), r.GetString(4),
        r.GetString(5), r.GetString(6), r.GetString(7), r.GetInt32(8), r.IsDBNull(9) ? null : FromUnixMs(r.GetInt64(9)),
        FromUnixMs(r.GetInt64(10)), r.IsDBNull(11) ? null : FromUnixMs(r.GetInt64(11)));
}
