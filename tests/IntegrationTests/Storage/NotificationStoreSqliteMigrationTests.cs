using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>A database the first release created keeps its data and gains the columns added since.</summary>
public sealed class NotificationStoreSqliteMigrationTests : IDisposable
{
    /// <summary>The schema as the first release wrote it (without the outbox, which has not changed).</summary>
    private const string FirstSchema = """
        CREATE TABLE hosts (id TEXT PRIMARY KEY, name TEXT NOT NULL, contact_email TEXT NOT NULL, created_at INTEGER NOT NULL);
        CREATE TABLE subscriptions (
            id TEXT PRIMARY KEY, host_id TEXT NOT NULL REFERENCES hosts (id), url TEXT NOT NULL, events TEXT NOT NULL,
            model_patterns TEXT NOT NULL, protected_secret TEXT NOT NULL, enabled INTEGER NOT NULL, created_at INTEGER NOT NULL);
        CREATE TABLE routes (
            report_id TEXT PRIMARY KEY, host_id TEXT NOT NULL, model_id TEXT NOT NULL, first_event_at INTEGER NOT NULL,
            acknowledged_at INTEGER, acknowledgement_note TEXT);
        CREATE TABLE deliveries (
            id TEXT PRIMARY KEY, subscription_id TEXT NOT NULL, host_id TEXT NOT NULL, report_id TEXT NOT NULL, event_type TEXT NOT NULL,
            webhook_id TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, round_attempts INTEGER NOT NULL, next_attempt_at INTEGER,
            lease_until INTEGER, created_at INTEGER NOT NULL, last_attempt_at INTEGER);
        CREATE TABLE attempts (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, delivery_id TEXT NOT NULL, at INTEGER NOT NULL, status_code INTEGER,
            latency_ms INTEGER NOT NULL, error TEXT, response_excerpt TEXT);
        """;

    private readonly TempSqliteFile _file = new(NotificationStoreFactory.SqliteFileName);

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task An_earlier_database_keeps_its_rows_and_gains_the_new_columns()
    {
        var subscriptionId = Guid.NewGuid();
        var reportId = Guid.NewGuid();
        using (var connection = _file.Open())
        {
            using var command = connection.CreateCommand();
            command.CommandText = FirstSchema + $"""
                INSERT INTO hosts VALUES ('huggingface', 'Hugging Face', 'a@example.org', {At(0).ToUnixTimeMilliseconds()});
                INSERT INTO subscriptions VALUES ('{subscriptionId}', 'huggingface', 'https://hooks.example.org', '["report.triaged"]', '["**"]',
                    'protected', 1, {At(1).ToUnixTimeMilliseconds()});
                INSERT INTO routes VALUES ('{reportId}', 'huggingface', 'org/model', {At(2).ToUnixTimeMilliseconds()}, NULL, NULL);
                """;
            command.ExecuteNonQuery();
        }

        var store = new SqliteNotificationStore(_file.Path);

        var subscription = await store.GetSubscriptionAsync(subscriptionId, Ct);
        SameJson(new Subscription(subscriptionId, "huggingface", "https://hooks.example.org", ["report.triaged"], ["**"], "protected", true, At(1)), subscription);
        var route = new ReportRoute(reportId, "huggingface", "org/model", At(2), null, null);
        Assert.Equal(route, await store.GetRouteAsync(reportId, "huggingface", Ct));

        // The new columns work on the old rows.
        Assert.Equal([route], await store.GetRoutesAwaitingAcknowledgementAsync(At(10), 10, Ct));
        Assert.True(await store.SaveReminderAsync(reportId, "huggingface", 0, At(10), [], Ct));
        Assert.Equal(At(5), (await store.RecordEndpointOutcomeAsync(subscriptionId, false, At(5), Ct))!.FailingSince);
        Assert.Equal([route with { LastRemindedAt = At(10), RemindersSent = 1 }], (await store.GetRoutesAsync("huggingface", null, 10, Ct)).Items);

        // Opening it again finds every column present and changes nothing.
        var reopened = new SqliteNotificationStore(_file.Path);
        Assert.Equal(route with { LastRemindedAt = At(10), RemindersSent = 1 }, await reopened.GetRouteAsync(reportId, "huggingface", Ct));
    }

    [Fact]
    public async Task An_earlier_database_gains_the_notices_contests_and_threads_and_its_responses_read_without_the_dsa_fields()
    {
        var reportId = Guid.NewGuid();
        using (var connection = _file.Open())
        {
            using var command = connection.CreateCommand();
            // The release before the host loop: routes with responses, no notices, contests or messages.
            command.CommandText = FirstSchema + $$"""
                ALTER TABLE routes ADD COLUMN response TEXT;
                ALTER TABLE routes ADD COLUMN response_revision INTEGER NOT NULL DEFAULT 0;
                INSERT INTO routes (report_id, host_id, model_id, first_event_at, acknowledged_at, response, response_revision)
                VALUES ('{{reportId}}', 'huggingface', 'org/model', {{At(2).ToUnixTimeMilliseconds()}}, {{At(3).ToUnixTimeMilliseconds()}},
                    '{"action":"removed","scope":"the repository","until":null,"grounds":"ToS","automated":false,"note":null}', 1);
                """;
            command.ExecuteNonQuery();
        }

        var store = new SqliteNotificationStore(_file.Path);

        Assert.Equal(new HostResponse("removed", "the repository", null, "ToS", false, null), (await store.GetRouteAsync(reportId, "huggingface", Ct))!.Response);
        var notice = new HostNotice(reportId, "huggingface", 1, new Contracts.ModelReference("huggingface", "org/model"), "d", [], null, true,
            new DateOnly(2025, 3, 1), At(4));
        Assert.Equal(NoticeWrite.Stored, await store.SaveNoticeAsync(notice, [], Ct));
        Assert.True(await store.AddContestAsync(new HostContest(Guid.NewGuid(), reportId, "huggingface", 1, "r", null, At(5), At(6)), [], Ct));
        Assert.True(await store.AddMessageAsync(new ThreadMessage(Guid.NewGuid(), reportId, "huggingface", ThreadSides.Host, "host:huggingface", "t", At(7)), [], null, Ct));
        Assert.Single(await store.GetNoticesAsync([reportId], Ct));
        Assert.Single(await store.GetContestsAsync([reportId], Ct));
        Assert.Single(await store.GetMessagesAsync(reportId, "huggingface", Ct));
    }

    [Fact]
    public async Task Subscriptions_disabled_before_disabled_at_existed_get_a_time_and_appear_in_the_notices()
    {
        var failingId = Guid.NewGuid();
        var goneId = Guid.NewGuid();
        using (var connection = _file.Open())
        {
            using var command = connection.CreateCommand();
            // The release before disabled_at: failing_since and disabled_reason existed.
            command.CommandText = FirstSchema + $"""
                ALTER TABLE subscriptions ADD COLUMN failing_since INTEGER;
                ALTER TABLE subscriptions ADD COLUMN disabled_reason TEXT;
                INSERT INTO hosts VALUES ('huggingface', 'Hugging Face', 'a@example.org', {At(0).ToUnixTimeMilliseconds()});
                INSERT INTO subscriptions VALUES ('{failingId}', 'huggingface', 'https://a.example.org', '["report.triaged"]', '["**"]',
                    'protected', 0, {At(1).ToUnixTimeMilliseconds()}, {At(5).ToUnixTimeMilliseconds()}, 'failing');
                INSERT INTO subscriptions VALUES ('{goneId}', 'huggingface', 'https://b.example.org', '["report.triaged"]', '["**"]',
                    'protected', 0, {At(2).ToUnixTimeMilliseconds()}, NULL, 'gone');
                """;
            command.ExecuteNonQuery();
        }

        var store = new SqliteNotificationStore(_file.Path);

        var notices = await store.GetAutoDisabledSubscriptionsAsync(10, Ct);
        Assert.Equal([(failingId, At(5)), (goneId, At(2))], notices.Items.Select(s => (s.Id, s.DisabledAt!.Value)));
    }

    [Fact]
    public void The_notices_query_reads_the_index_of_disabled_subscriptions_not_every_subscription()
    {
        _ = new SqliteNotificationStore(_file.Path);
        using var connection = _file.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"EXPLAIN QUERY PLAN SELECT id FROM subscriptions WHERE {SqliteNotificationStore.AutoDisabledFilter} ORDER BY disabled_at DESC, id DESC LIMIT 10";
        command.Parameters.AddWithValue("$gone", DisabledReasons.Gone);
        command.Parameters.AddWithValue("$failing", DisabledReasons.Failing);
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("USING INDEX ix_subscriptions_disabled", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN subscriptions", StringComparison.Ordinal) && !step.Contains("INDEX", StringComparison.Ordinal));
    }
}
