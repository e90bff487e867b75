using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SafetyReports.Notification.Domain;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.ServiceDefaults.Storage;
using static SafetyReports.ServiceDefaults.Storage.SqliteCommandExtensions;

namespace SafetyReports.Notification.Storage;

public sealed class SqliteNotificationStore : INotificationStore, IAsyncDisposable
{
    private const string SubscriptionColumns =
        "id, host_id, url, events, model_patterns, protected_secret, enabled, created_at, previous_protected_secret, previous_secret_expires_at, failing_since, disabled_reason, disabled_at";

    private const string RouteColumns =
        "report_id, host_id, model_id, first_event_at, acknowledged_at, acknowledgement_note, summary, response, responded_at, response_revision, response_updated_at, last_reminded_at, reminders_sent";

    private const string DeliveryColumns =
        "id, subscription_id, host_id, report_id, event_type, webhook_id, payload, status, round_attempts, next_attempt_at, created_at, last_attempt_at";

    /// <summary>Whether a lease still holds the delivery: its token, and the delivery still pending (a replay clears the token).</summary>
    private const string HeldBy = "id = $id AND lease_token = $token AND status = 'pending'";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SqliteDatabase _database;

    // Every write goes through one writer that commits whatever is waiting together: one fsync for
    // many, and no lock waits (SQLite's busy handler sleeps in steps of up to 100 ms) between this
    // process's own writers. Other replicas still take turns on the file's lock.
    private readonly SqliteGroupCommit _writes;

    private readonly WriteAheadLogScrub _scrub;

    /// <param name="logger">Where a write-ahead log that could not be emptied after a replaced notice is reported.</param>
    public SqliteNotificationStore(string path, ILogger? logger = null)
    {
        _database = SqliteNotificationSchema.Open(path);
        _writes = new SqliteGroupCommit(_database);
        _scrub = new WriteAheadLogScrub(_database.TruncateWriteAheadLogAsync, logger ?? NullLogger.Instance);
    }

    public ValueTask DisposeAsync() => _writes.DisposeAsync();

    public WorkSignal OutboxSignal { get; } = new();

    public Task<bool> AddHostAsync(ModelHost host, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) => await c.ExecuteAsync(
            "INSERT INTO hosts (id, name, contact_email, created_at) VALUES ($id, $name, $email, $at) ON CONFLICT (id) DO NOTHING",
            t, ("$id", host.Id), ("$name", host.Name), ("$email", host.ContactEmail), ("$at", host.CreatedAt.ToUnixMs())) == 1,
            cancellationToken);

    public Task<ModelHost?> GetHostAsync(string hostId, CancellationToken cancellationToken) =>
        _database.ReadAsync(async c => (await c.QueryAsync(
            "SELECT id, name, contact_email, created_at FROM hosts WHERE id = $id",
            r => new ModelHost(r.GetString(0), r.GetString(1), r.GetString(2), FromUnixMs(r.GetInt64(3))),
            null, ("$id", hostId))).FirstOrDefault());

    public async Task<IReadOnlyList<ModelHost>> GetHostsAsync(CancellationToken cancellationToken) =>
        await _database.ReadAsync(c => c.QueryAsync(
            "SELECT id, name, contact_email, created_at FROM hosts ORDER BY id",
            r => new ModelHost(r.GetString(0), r.GetString(1), r.GetString(2), FromUnixMs(r.GetInt64(3)))));

    public Task AddSubscriptionAsync(Subscription s, CancellationToken cancellationToken) =>
        _writes.WriteAsync((c, t) => c.ExecuteAsync(
            $"""
            INSERT INTO subscriptions ({SubscriptionColumns})
            VALUES ($id, $host, $url, $events, $patterns, $secret, $enabled, $at, $previous, $previousExpires, $failingSince, $disabledReason, $disabledAt)
            """,
            t, ("$id", s.Id.ToString()), ("$host", s.HostId), ("$url", s.Url), ("$events", JsonSerializer.Serialize(s.Events, Json)),
            ("$patterns", JsonSerializer.Serialize(s.ModelPatterns, Json)), ("$secret", s.ProtectedSecret),
            ("$enabled", s.Enabled ? 1 : 0), ("$at", s.CreatedAt.ToUnixMs()), ("$previous", s.PreviousProtectedSecret),
            ("$previousExpires", s.PreviousSecretExpiresAt?.ToUnixMs()), ("$failingSince", s.FailingSince?.ToUnixMs()),
            ("$disabledReason", s.DisabledReason), ("$disabledAt", s.DisabledAt?.ToUnixMs())), cancellationToken);

    public Task<Subscription?> GetSubscriptionAsync(Guid id, CancellationToken cancellationToken) =>
        _database.ReadAsync(c => GetSubscriptionAsync(c, null, id));

    public async Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(string hostId, CancellationToken cancellationToken) =>
        await _database.ReadAsync(c => c.QueryAsync(
            $"SELECT {SubscriptionColumns} FROM subscriptions WHERE host_id = $host ORDER BY created_at",
            ReadSubscription, null, ("$host", hostId)));

    public Task<bool> RotateSecretAsync(Subscription rotated, string expectedCurrentSecret, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) => await c.ExecuteAsync(
            """
            UPDATE subscriptions SET protected_secret = $secret, previous_protected_secret = $previous, previous_secret_expires_at = $expires
            WHERE id = $id AND protected_secret = $expected
            """,
            t, ("$id", rotated.Id.ToString()), ("$secret", rotated.ProtectedSecret), ("$previous", rotated.PreviousProtectedSecret),
            ("$expires", rotated.PreviousSecretExpiresAt?.ToUnixMs()), ("$expected", expectedCurrentSecret)) == 1, cancellationToken);

    public Task<bool> EditSubscriptionAsync(SubscriptionEdit edit, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) => await c.ExecuteAsync(
            """
            UPDATE subscriptions SET url = $url, events = $events, model_patterns = $patterns,
                failing_since = CASE WHEN $restart = 1 THEN NULL ELSE failing_since END
            WHERE id = $id
            """,
            t, ("$id", edit.Id.ToString()), ("$url", edit.Url), ("$events", JsonSerializer.Serialize(edit.Events, Json)),
            ("$patterns", JsonSerializer.Serialize(edit.ModelPatterns, Json)), ("$restart", edit.RestartsFailingPeriod ? 1 : 0)) == 1,
            cancellationToken);

    /// <summary>
    /// The subscriptions Notification disabled on its own; "disabled_at IS NOT NULL" lets SQLite read the partial index
    /// ix_subscriptions_disabled (the disabled subscriptions) instead of every subscription. Public for the query-plan test.
    /// </summary>
    public const string AutoDisabledFilter = "disabled_at IS NOT NULL AND enabled = 0 AND disabled_reason IN ($gone, $failing)";

    public Task<AutoDisabledSubscriptions> GetAutoDisabledSubscriptionsAsync(int max, CancellationToken cancellationToken) =>
        _database.ReadAsync(async c =>
        {
            const string Automatic = AutoDisabledFilter;
            (string, object?)[] reasons = [("$gone", DisabledReasons.Gone), ("$failing", DisabledReasons.Failing)];
            var items = await c.QueryAsync(
                $"SELECT {SubscriptionColumns} FROM subscriptions WHERE {Automatic} ORDER BY disabled_at DESC, id DESC LIMIT $max",
                ReadSubscription, null, [.. reasons, ("$max", max)]);
            var total = await c.QueryAsync($"SELECT COUNT(*) FROM subscriptions WHERE {Automatic}", r => r.GetInt32(0), null, reasons);
            return new AutoDisabledSubscriptions(items, total[0]);
        });

    public Task<bool> EnableSubscriptionAsync(Guid id, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) => await c.ExecuteAsync(
            "UPDATE subscriptions SET enabled = 1, failing_since = NULL, disabled_reason = NULL, disabled_at = NULL WHERE id = $id",
            t, ("$id", id.ToString())) == 1, cancellationToken);

    public async Task<bool> DisableSubscriptionAsync(Guid id, string reason, DateTimeOffset at, OutboxMessage? announcement, CancellationToken cancellationToken)
    {
        var disabled = await _writes.WriteAsync(async (c, t) =>
        {
            var changed = await c.ExecuteAsync(
                "UPDATE subscriptions SET enabled = 0, disabled_reason = $reason, disabled_at = $at WHERE id = $id AND enabled = 1",
                t, ("$id", id.ToString()), ("$reason", reason), ("$at", at.ToUnixMs())) == 1;
            if (changed && announcement is not null)
            {
                await SqliteOutbox.AddAsync(c, t, announcement);
            }

            return changed;
        }, cancellationToken);
        if (disabled && announcement is not null)
        {
            OutboxSignal.Notify();
        }

        return disabled;
    }

    public Task<Subscription?> RecordEndpointOutcomeAsync(Guid id, bool succeeded, DateTimeOffset at, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync(
                succeeded
                    ? "UPDATE subscriptions SET failing_since = NULL WHERE id = $id"
                    : "UPDATE subscriptions SET failing_since = COALESCE(failing_since, $at) WHERE id = $id",
                t, ("$id", id.ToString()), ("$at", at.ToUnixMs()));
            return await GetSubscriptionAsync(c, t, id);
        }, cancellationToken);

    public Task SavePlanAsync(DeliveryPlan plan, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) =>
        {
            if (plan.Route is { } route)
            {
                await c.ExecuteAsync(
                    """
                    INSERT INTO routes (report_id, host_id, model_id, first_event_at, summary, summary_version, report_status)
                    VALUES ($id, $host, $model, $at, $summary, $version, $status)
                    ON CONFLICT (report_id) DO UPDATE SET summary = excluded.summary, summary_version = excluded.summary_version,
                        report_status = excluded.report_status
                    WHERE excluded.summary_version IS NOT NULL AND (routes.summary_version IS NULL OR routes.summary_version < excluded.summary_version)
                    """,
                    t, ("$id", route.ReportId.ToString()), ("$host", route.HostId), ("$model", route.ModelId), ("$at", route.FirstEventAt.ToUnixMs()),
                    ("$summary", route.Summary is null ? null : JsonSerializer.Serialize(route.Summary, Json)),
                    ("$version", route.Summary?.Version), ("$status", route.Summary?.Status));
            }

            await InsertDeliveriesAsync(c, t, plan.Deliveries);
            return 0;
        }, cancellationToken);

    public Task<ReportRoute?> GetRouteAsync(Guid reportId, CancellationToken cancellationToken) =>
        _database.ReadAsync(c => GetRouteAsync(c, null, reportId));

    public Task<RoutePage> GetRoutesAsync(string hostId, RouteCursor? after, int limit, CancellationToken cancellationToken) =>
        _database.ReadAsync(async c =>
        {
            var rows = await c.QueryAsync(
                $"""
                SELECT {RouteColumns} FROM routes
                WHERE host_id = $host AND ($afterAt IS NULL OR first_event_at < $afterAt OR (first_event_at = $afterAt AND report_id < $afterId))
                ORDER BY first_event_at DESC, report_id DESC LIMIT $limit
                """,
                ReadRoute, null, ("$host", hostId), ("$afterAt", after?.FirstEventAt.ToUnixMs()), ("$afterId", after?.ReportId.ToString()),
                ("$limit", limit + 1));
            var items = rows.Take(limit).ToList();
            return new RoutePage(items, rows.Count > limit ? RouteCursor.After(items[^1]) : null);
        });

    public async Task<AcknowledgeResult?> AcknowledgeAsync(Guid reportId, string? note, DateTimeOffset at, OutboxMessage announcement, CancellationToken cancellationToken)
    {
        var result = await _writes.WriteAsync(async (c, t) =>
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

    public async Task<bool> SaveResponseAsync(
        ReportRoute updated, int expectedRevision, bool wasAcknowledged, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken)
    {
        var saved = await _writes.WriteAsync(async (c, t) =>
        {
            var changed = await c.ExecuteAsync(
                """
                UPDATE routes SET response = $response, responded_at = $respondedAt, response_revision = $revision,
                    response_updated_at = $updatedAt, acknowledged_at = $acknowledgedAt, acknowledgement_note = $note
                WHERE report_id = $id AND response_revision = $expected AND (acknowledged_at IS NOT NULL) = $wasAcknowledged
                """,
                t, ("$id", updated.ReportId.ToString()), ("$response", updated.Response is null ? null : JsonSerializer.Serialize(updated.Response, Json)),
                ("$respondedAt", updated.RespondedAt?.ToUnixMs()), ("$revision", updated.ResponseRevision),
                ("$updatedAt", updated.ResponseUpdatedAt?.ToUnixMs()), ("$acknowledgedAt", updated.AcknowledgedAt?.ToUnixMs()),
                ("$note", updated.AcknowledgementNote), ("$expected", expectedRevision), ("$wasAcknowledged", wasAcknowledged ? 1 : 0)) == 1;
            if (changed)
            {
                foreach (var message in events)
                {
                    await SqliteOutbox.AddAsync(c, t, message);
                }
            }

            return changed;
        }, cancellationToken);
        if (saved && events.Count > 0)
        {
            OutboxSignal.Notify();
        }

        return saved;
    }

    public async Task<IReadOnlyList<ReportRoute>> GetRoutesAwaitingAcknowledgementAsync(DateTimeOffset lastContactBefore, int max, CancellationToken cancellationToken) =>
        await _database.ReadAsync(c => c.QueryAsync(
            $"""
            SELECT {RouteColumns} FROM routes
            WHERE acknowledged_at IS NULL AND COALESCE(last_reminded_at, first_event_at) <= $before
                AND (report_status IS NULL OR report_status NOT IN ('resolved', 'rejected', 'duplicate'))
            ORDER BY COALESCE(last_reminded_at, first_event_at), report_id LIMIT $max
            """,
            ReadRoute, null, ("$before", lastContactBefore.ToUnixMs()), ("$max", max)));

    public Task<bool> SaveReminderAsync(Guid reportId, int expectedRemindersSent, DateTimeOffset at, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) =>
        {
            var recorded = await c.ExecuteAsync(
                """
                UPDATE routes SET reminders_sent = reminders_sent + 1, last_reminded_at = $at
                WHERE report_id = $id AND reminders_sent = $expected AND acknowledged_at IS NULL
                """,
                t, ("$id", reportId.ToString()), ("$at", at.ToUnixMs()), ("$expected", expectedRemindersSent)) == 1;
            if (recorded)
            {
                await InsertDeliveriesAsync(c, t, deliveries);
            }

            return recorded;
        }, cancellationToken);

    public async Task<NoticeWrite> SaveNoticeAsync(HostNotice notice, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        var write = await _writes.WriteAsync(async (c, t) =>
        {
            var kept = await c.QueryAsync("SELECT revision FROM notices WHERE report_id = $id", r => r.GetInt32(0), t, ("$id", notice.ReportId.ToString()));
            if (kept is [var revision] && revision >= notice.Revision)
            {
                return NoticeWrite.Ignored;
            }

            await c.ExecuteAsync(
                """
                INSERT INTO notices (report_id, host_id, revision, doc) VALUES ($id, $host, $revision, $doc)
                ON CONFLICT (report_id) DO UPDATE SET host_id = excluded.host_id, revision = excluded.revision, doc = excluded.doc
                """,
                t, ("$id", notice.ReportId.ToString()), ("$host", notice.HostId), ("$revision", notice.Revision),
                ("$doc", JsonSerializer.Serialize(notice, Json)));
            await InsertDeliveriesAsync(c, t, deliveries);
            return kept.Count == 0 ? NoticeWrite.Stored : NoticeWrite.Replaced;
        }, cancellationToken);
        if (write == NoticeWrite.Replaced)
        {
            // secure_delete zeroed the old row and its freed pages; earlier page images stay in the WAL until it is emptied
            // (now, or later when readers hold it: the notice is committed either way).
            await _scrub.AfterCommitAsync(cancellationToken);
        }

        return write;
    }

    public async Task<IReadOnlyList<HostNotice>> GetNoticesAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken) =>
        reportIds.Count == 0
            ? []
            : await _database.ReadAsync(c =>
            {
                var (list, parameters) = InList(reportIds);
                return c.QueryAsync($"SELECT doc FROM notices WHERE report_id IN ({list})",
                    r => JsonSerializer.Deserialize<HostNotice>(r.GetString(0), Json)!, null, parameters);
            });

    public Task<bool> AddContestAsync(HostContest contest, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) =>
        {
            var added = await c.ExecuteAsync(
                """
                INSERT INTO contests (id, report_id, host_id, response_revision, reason, note, contested_at, forwarded_at)
                VALUES ($id, $report, $host, $revision, $reason, $note, $contested, $forwarded) ON CONFLICT (id) DO NOTHING
                """,
                t, ("$id", contest.Id.ToString()), ("$report", contest.ReportId.ToString()), ("$host", contest.HostId),
                ("$revision", contest.ResponseRevision), ("$reason", contest.Reason), ("$note", contest.Note),
                ("$contested", contest.ContestedAt.ToUnixMs()), ("$forwarded", contest.ForwardedAt.ToUnixMs())) == 1;
            if (added)
            {
                await InsertDeliveriesAsync(c, t, deliveries);
            }

            return added;
        }, cancellationToken);

    public async Task<IReadOnlyList<HostContest>> GetContestsAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken) =>
        reportIds.Count == 0
            ? []
            : await _database.ReadAsync(c =>
            {
                var (list, parameters) = InList(reportIds);
                return c.QueryAsync(
                    $"""
                    SELECT id, report_id, host_id, response_revision, reason, note, contested_at, forwarded_at FROM contests
                    WHERE report_id IN ({list}) ORDER BY contested_at, id
                    """,
                    r => new HostContest(Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.GetString(2), r.GetInt32(3), r.GetString(4),
                        r.GetNullableString(5), FromUnixMs(r.GetInt64(6)), FromUnixMs(r.GetInt64(7))),
                    null, parameters);
            });

    public async Task<bool> AddMessageAsync(ThreadMessage message, IReadOnlyList<Delivery> deliveries, OutboxMessage? announcement, CancellationToken cancellationToken)
    {
        var added = await _writes.WriteAsync(async (c, t) =>
        {
            var inserted = await c.ExecuteAsync(
                """
                INSERT INTO messages (id, report_id, host_id, sender, author, text, sent_at)
                VALUES ($id, $report, $host, $sender, $author, $text, $at) ON CONFLICT (id) DO NOTHING
                """,
                t, ("$id", message.Id.ToString()), ("$report", message.ReportId.ToString()), ("$host", message.HostId),
                ("$sender", message.From), ("$author", message.Author), ("$text", message.Text), ("$at", message.SentAt.ToUnixMs())) == 1;
            if (inserted)
            {
                await InsertDeliveriesAsync(c, t, deliveries);
                if (announcement is not null)
                {
                    await SqliteOutbox.AddAsync(c, t, announcement);
                }
            }

            return inserted;
        }, cancellationToken);
        if (added && announcement is not null)
        {
            OutboxSignal.Notify();
        }

        return added;
    }

    public async Task<IReadOnlyList<ThreadMessage>> GetMessagesAsync(Guid reportId, string hostId, CancellationToken cancellationToken) =>
        await _database.ReadAsync(c => c.QueryAsync(
            """
            SELECT id, report_id, host_id, sender, author, text, sent_at FROM messages
            WHERE report_id = $report AND host_id = $host ORDER BY sent_at, id
            """,
            r => new ThreadMessage(Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4),
                r.GetString(5), FromUnixMs(r.GetInt64(6))),
            null, ("$report", reportId.ToString()), ("$host", hostId)));

    public async Task<IReadOnlyList<LeasedDelivery>> LeaseDueDeliveriesAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        await _writes.WriteAsync(async (c, t) =>
        {
            var due = await c.QueryAsync(
                $"""
                SELECT {DeliveryColumns} FROM deliveries
                WHERE status = 'pending' AND next_attempt_at <= $now AND (lease_until IS NULL OR lease_until <= $now)
                ORDER BY next_attempt_at LIMIT $max
                """,
                ReadDelivery, t, ("$now", now.ToUnixMs()), ("$max", max));
            var leased = new List<LeasedDelivery>(due.Count);
            foreach (var d in due)
            {
                var held = new DeliveryLease(Guid.NewGuid(), FromUnixMs((now + lease).ToUnixMs()));
                await c.ExecuteAsync("UPDATE deliveries SET lease_until = $until, lease_token = $token WHERE id = $id",
                    t, ("$id", d.Id.ToString()), ("$until", held.Until.ToUnixMs()), ("$token", held.Token.ToString()));
                leased.Add(new LeasedDelivery(d, held));
            }

            return leased;
        }, cancellationToken);

    public Task<bool> RenewLeaseAsync(Guid id, Guid leaseToken, DateTimeOffset until, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) => await c.ExecuteAsync(
            $"UPDATE deliveries SET lease_until = $until WHERE {HeldBy}",
            t, ("$id", id.ToString()), ("$token", leaseToken.ToString()), ("$until", until.ToUnixMs())) == 1, cancellationToken);

    public async Task<bool> CompleteAttemptAsync(
        Delivery updated, Guid leaseToken, DeliveryAttempt attempt, OutboxMessage? announcement, CancellationToken cancellationToken)
    {
        var completed = await _writes.WriteAsync(async (c, t) =>
        {
            var held = await c.ExecuteAsync(
                $"""
                UPDATE deliveries SET status = $status, round_attempts = $round, next_attempt_at = $next, lease_until = NULL,
                    lease_token = NULL, last_attempt_at = $last WHERE {HeldBy}
                """,
                t, ("$id", updated.Id.ToString()), ("$token", leaseToken.ToString()), ("$status", updated.Status),
                ("$round", updated.RoundAttempts), ("$next", updated.NextAttemptAt?.ToUnixMs()), ("$last", updated.LastAttemptAt?.ToUnixMs())) == 1;
            if (!held)
            {
                return false;
            }

            await c.ExecuteAsync(
                """
                INSERT INTO attempts (delivery_id, at, status_code, latency_ms, error, response_excerpt)
                VALUES ($delivery, $at, $code, $latency, $error, $excerpt)
                """,
                t, ("$delivery", attempt.DeliveryId.ToString()), ("$at", attempt.At.ToUnixMs()), ("$code", attempt.StatusCode),
                ("$latency", attempt.LatencyMs), ("$error", attempt.Error), ("$excerpt", attempt.ResponseExcerpt));
            if (announcement is not null)
            {
                await SqliteOutbox.AddAsync(c, t, announcement);
            }

            return true;
        }, cancellationToken);
        if (completed && announcement is not null)
        {
            OutboxSignal.Notify();
        }

        return completed;
    }

    public Task<bool> DeferAsync(Guid id, Guid leaseToken, DateTimeOffset until, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) => await c.ExecuteAsync(
            $"UPDATE deliveries SET next_attempt_at = $until, lease_until = NULL, lease_token = NULL WHERE {HeldBy}",
            t, ("$id", id.ToString()), ("$token", leaseToken.ToString()), ("$until", until.ToUnixMs())) == 1, cancellationToken);

    public Task<Delivery?> GetDeliveryAsync(Guid id, CancellationToken cancellationToken) =>
        _database.ReadAsync(async c => (await c.QueryAsync(
            $"SELECT {DeliveryColumns} FROM deliveries WHERE id = $id", ReadDelivery, null, ("$id", id.ToString()))).FirstOrDefault());

    public async Task<IReadOnlyList<Delivery>> GetDeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken) =>
        await _database.ReadAsync(c => c.QueryAsync(
            $"""
            SELECT {DeliveryColumns} FROM deliveries
            WHERE host_id = $host AND ($report IS NULL OR report_id = $report) AND ($subscription IS NULL OR subscription_id = $subscription)
                AND ($status IS NULL OR status = $status)
            ORDER BY created_at DESC LIMIT $max
            """,
            ReadDelivery, null, ("$host", query.HostId), ("$report", query.ReportId?.ToString()),
            ("$subscription", query.SubscriptionId?.ToString()), ("$status", query.Status), ("$max", query.Max)));

    public async Task<IReadOnlyList<DeliveryAttempt>> GetAttemptsAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        await _database.ReadAsync(c => c.QueryAsync(
            "SELECT delivery_id, at, status_code, latency_ms, error, response_excerpt FROM attempts WHERE delivery_id = $id ORDER BY seq",
            r => new DeliveryAttempt(Guid.Parse(r.GetString(0)), FromUnixMs(r.GetInt64(1)), r.IsDBNull(2) ? null : r.GetInt32(2),
                r.GetInt64(3), r.GetNullableString(4), r.GetNullableString(5)),
            null, ("$id", deliveryId.ToString())));

    public Task<bool> ReplayAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) => await c.ExecuteAsync(
            """
            UPDATE deliveries SET status = 'pending', round_attempts = 0, next_attempt_at = $now, lease_until = NULL, lease_token = NULL
            WHERE id = $id AND (lease_until IS NULL OR lease_until <= $now)
            """,
            t, ("$id", id.ToString()), ("$now", now.ToUnixMs())) == 1, cancellationToken);

    public Task<int> RecoverAsync(Guid subscriptionId, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken) =>
        _writes.WriteAsync((c, t) => c.ExecuteAsync(
            """
            UPDATE deliveries SET status = 'pending', round_attempts = 0, next_attempt_at = $now, lease_until = NULL, lease_token = NULL
            WHERE subscription_id = $subscription AND status = 'failed' AND created_at >= $since
            """,
            t, ("$subscription", subscriptionId.ToString()), ("$since", since.ToUnixMs()), ("$now", now.ToUnixMs())), cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> PeekOutboxAsync(int max, CancellationToken cancellationToken) =>
        SqliteOutbox.PeekAsync(_database, max);

    public Task RemoveFromOutboxAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        SqliteOutbox.RemoveAsync(_writes, ids, cancellationToken);

    public Task QuarantineOutboxAsync(Guid id, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        SqliteOutbox.QuarantineAsync(_writes, id, reason, at, cancellationToken);

    public async Task<IReadOnlyDictionary<string, long>> CountQuarantinedAsync(CancellationToken cancellationToken) =>
        QuarantineCounts.Of(await SqliteOutbox.CountQuarantinedAsync(_database));

    public Task PingAsync(CancellationToken cancellationToken) => _database.PingAsync(cancellationToken);

    private static async Task InsertDeliveriesAsync(SqliteConnection c, SqliteTransaction t, IReadOnlyList<Delivery> deliveries)
    {
        foreach (var d in deliveries)
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
    }

    /// <summary>"$r0, $r1, …" and their values, for <c>IN (…)</c> over report ids.</summary>
    private static (string List, (string, object?)[] Parameters) InList(IReadOnlyCollection<Guid> reportIds)
    {
        var parameters = reportIds.Distinct().Select((id, i) => ($"$r{i}", (object?)id.ToString())).ToArray();
        return (string.Join(", ", parameters.Select(p => p.Item1)), parameters);
    }

    private static async Task<Subscription?> GetSubscriptionAsync(SqliteConnection connection, SqliteTransaction? transaction, Guid id) =>
        (await connection.QueryAsync(
            $"SELECT {SubscriptionColumns} FROM subscriptions WHERE id = $id", ReadSubscription, transaction, ("$id", id.ToString()))).FirstOrDefault();

    private static async Task<ReportRoute?> GetRouteAsync(SqliteConnection connection, SqliteTransaction? transaction, Guid reportId) =>
        (await connection.QueryAsync(
            $"SELECT {RouteColumns} FROM routes WHERE report_id = $id", ReadRoute, transaction, ("$id", reportId.ToString()))).FirstOrDefault();

    private static Subscription ReadSubscription(SqliteDataReader r) => new(
        Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2),
        JsonSerializer.Deserialize<List<string>>(r.GetString(3), Json) ?? [],
        JsonSerializer.Deserialize<List<string>>(r.GetString(4), Json) ?? [],
        r.GetString(5), r.GetInt64(6) == 1, FromUnixMs(r.GetInt64(7)),
        r.GetNullableString(8), NullableTime(r, 9), NullableTime(r, 10), r.GetNullableString(11), NullableTime(r, 12));

    private static ReportRoute ReadRoute(SqliteDataReader r) => new(
        Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), FromUnixMs(r.GetInt64(3)), NullableTime(r, 4), r.GetNullableString(5),
        r.GetNullableString(6) is { } summary ? JsonSerializer.Deserialize<ReportSummary>(summary, Json) : null,
        r.GetNullableString(7) is { } response ? JsonSerializer.Deserialize<HostResponse>(response, Json) : null,
        NullableTime(r, 8), r.GetInt32(9), NullableTime(r, 10), NullableTime(r, 11), r.GetInt32(12));

    private static Delivery ReadDelivery(SqliteDataReader r) => new(
        Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.GetString(2), Guid.Parse(r.GetString(3)), r.GetString(4),
        r.GetString(5), r.GetString(6), r.GetString(7), r.GetInt32(8), NullableTime(r, 9),
        FromUnixMs(r.GetInt64(10)), NullableTime(r, 11));

    private static DateTimeOffset? NullableTime(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : FromUnixMs(r.GetInt64(ordinal));
}
