using Microsoft.Data.Sqlite;
using static SafetyReports.ServiceDefaults.Storage.Sqlite.SqliteCommandExtensions;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Notification.Storage;

public sealed partial class SqliteNotificationStore : ISubscriptionStore
{
    private const string SubscriptionColumns =
        "id, host_id, url, events, model_patterns, protected_secret, enabled, created_at, previous_protected_secret, previous_secret_expires_at, failing_since, disabled_reason, disabled_at";

    /// <summary>
    /// The subscriptions Notification disabled on its own; "disabled_at IS NOT NULL" lets SQLite read the partial index
    /// ix_subscriptions_disabled (the disabled subscriptions) instead of every subscription. Public for the query-plan test.
    /// </summary>
    public const string AutoDisabledFilter = "disabled_at IS NOT NULL AND enabled = 0 AND disabled_reason IN ($gone, $failing)";

    public Task AddSubscriptionAsync(Subscription s, CancellationToken cancellationToken) =>
        WriteAsync(w => w.ExecuteAsync(
            $"""
            INSERT INTO subscriptions ({SubscriptionColumns})
            VALUES ($id, $host, $url, $events, $patterns, $secret, $enabled, $at, $previous, $previousExpires, $failingSince, $disabledReason, $disabledAt)
            """,
            ("$id", s.Id.ToString()), ("$host", s.HostId), ("$url", s.Url), ("$events", JsonSerializer.Serialize(s.Events, Json)),
            ("$patterns", JsonSerializer.Serialize(s.ModelPatterns, Json)), ("$secret", s.ProtectedSecret),
            ("$enabled", s.Enabled ? 1 : 0), ("$at", s.CreatedAt.ToUnixMs()), ("$previous", s.PreviousProtectedSecret),
            ("$previousExpires", s.PreviousSecretExpiresAt?.ToUnixMs()), ("$failingSince", s.FailingSince?.ToUnixMs()),
            ("$disabledReason", s.DisabledReason), ("$disabledAt", s.DisabledAt?.ToUnixMs())), cancellationToken);

    public Task<Subscription?> GetSubscriptionAsync(Guid id, CancellationToken cancellationToken) =>
        QueryFirstAsync($"SELECT {SubscriptionColumns} FROM subscriptions WHERE id = $id", ReadSubscription, ("$id", id.ToString()));

    public async Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(string hostId, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"SELECT {SubscriptionColumns} FROM subscriptions WHERE host_id = $host ORDER BY created_at", ReadSubscription, ("$host", hostId));

    public Task<bool> RotateSecretAsync(Subscription rotated, string expectedCurrentSecret, CancellationToken cancellationToken) =>
        WriteAsync(w => w.ChangesOneAsync(
            """
            UPDATE subscriptions SET protected_secret = $secret, previous_protected_secret = $previous, previous_secret_expires_at = $expires
            WHERE id = $id AND protected_secret = $expected
            """,
            ("$id", rotated.Id.ToString()), ("$secret", rotated.ProtectedSecret), ("$previous", rotated.PreviousProtectedSecret),
            ("$expires", rotated.PreviousSecretExpiresAt?.ToUnixMs()), ("$expected", expectedCurrentSecret)), cancellationToken);

    public Task<bool> EditSubscriptionAsync(SubscriptionEdit edit, CancellationToken cancellationToken) =>
        WriteAsync(w => w.ChangesOneAsync(
            """
            UPDATE subscriptions SET url = $url, events = $events, model_patterns = $patterns,
                failing_since = CASE WHEN $restart = 1 THEN NULL ELSE failing_since END
            WHERE id = $id
            """,
            ("$id", edit.Id.ToString()), ("$url", edit.Url), ("$events", JsonSerializer.Serialize(edit.Events, Json)),
            ("$patterns", JsonSerializer.Serialize(edit.ModelPatterns, Json)), ("$restart", edit.RestartsFailingPeriod ? 1 : 0)), cancellationToken);

    public Task<AutoDisabledSubscriptions> GetAutoDisabledSubscriptionsAsync(int max, CancellationToken cancellationToken) =>
        Database.ReadAsync(async c =>
        {
            (string, object?)[] reasons = [("$gone", DisabledReasons.Gone), ("$failing", DisabledReasons.Failing)];
            var items = await c.QueryAsync(
                $"SELECT {SubscriptionColumns} FROM subscriptions WHERE {AutoDisabledFilter} ORDER BY disabled_at DESC, id DESC LIMIT $max",
                ReadSubscription, null, [.. reasons, ("$max", max)]);
            var total = await c.QueryAsync($"SELECT COUNT(*) FROM subscriptions WHERE {AutoDisabledFilter}", r => r.GetInt32(0), null, reasons);
            return new AutoDisabledSubscriptions(items, total[0]);
        });

    public Task<bool> EnableSubscriptionAsync(Guid id, CancellationToken cancellationToken) =>
        WriteAsync(w => w.ChangesOneAsync(
            "UPDATE subscriptions SET enabled = 1, failing_since = NULL, disabled_reason = NULL, disabled_at = NULL WHERE id = $id",
            ("$id", id.ToString())), cancellationToken);

    public Task<bool> DisableSubscriptionAsync(Guid id, string reason, DateTimeOffset at, OutboxMessage? announcement, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var disabled = await w.ChangesOneAsync(
                "UPDATE subscriptions SET enabled = 0, disabled_reason = $reason, disabled_at = $at WHERE id = $id AND enabled = 1",
                ("$id", id.ToString()), ("$reason", reason), ("$at", at.ToUnixMs()));
            if (disabled)
            {
                await w.AnnounceAsync(announcement);
            }

            return disabled;
        }, cancellationToken);

    public Task<Subscription?> RecordEndpointOutcomeAsync(Guid id, bool succeeded, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            await w.ExecuteAsync(
                succeeded
                    ? "UPDATE subscriptions SET failing_since = NULL WHERE id = $id"
                    : "UPDATE subscriptions SET failing_since = COALESCE(failing_since, $at) WHERE id = $id",
                ("$id", id.ToString()), ("$at", at.ToUnixMs()));
            return (await w.QueryAsync($"SELECT {SubscriptionColumns} FROM subscriptions WHERE id = $id", ReadSubscription, ("$id", id.ToString())))
                .FirstOrDefault();
        }, cancellationToken);

    private static Subscription ReadSubscription(SqliteDataReader r) => new(
        Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2),
        JsonSerializer.Deserialize<List<string>>(r.GetString(3), Json) ?? [],
        JsonSerializer.Deserialize<List<string>>(r.GetString(4), Json) ?? [],
        r.GetString(5), r.GetInt64(6) == 1, FromUnixMs(r.GetInt64(7)),
        r.GetNullableString(8), r.GetNullableTime(9), r.GetNullableTime(10), r.GetNullableString(11), r.GetNullableTime(12));
}
