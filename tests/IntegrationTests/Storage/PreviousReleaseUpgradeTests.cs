using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Distributed;
using SafetyReports.Contracts;
using SafetyReports.Intake.Storage;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using SafetyReports.Portal.Auth;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>
/// A data folder the release before the migration journal made (<see cref="PreviousReleaseSchemas"/>, with rows in it) is
/// opened by today's store: the rows survive, every migration is recorded as found, and the file's schema is the one a
/// new file gets.
/// </summary>
public sealed class PreviousReleaseUpgradeTests : IDisposable
{
    private readonly List<TempSqliteFile> _files = [];

    public void Dispose() => _files.ForEach(f => f.Dispose());

    [Fact]
    public async Task Intake_keeps_its_receipts_secrets_and_outbox()
    {
        var id = Guid.NewGuid();
        var file = PreviousRelease(SubmissionStoreFactory.SqliteFileName, PreviousReleaseSchemas.Intake, $$"""
            INSERT INTO submissions (id, received_at, token_hash, status, status_version, updated_at, public_notes, handed_over_at)
            VALUES ('{{id}}', {{Ms(0)}}, 'token-hash', 'host_notified', 4, {{Ms(5)}}, '[]', {{Ms(1)}});
            INSERT INTO secrets (name, protected_secret) VALUES ('idempotency-scope', 'protected');
            """);

        await using (var store = new SqliteSubmissionStore(file.Path))
        {
            var receipt = await store.FindReceiptAsync(id, Ct);
            Assert.Equal((ReportStatuses.HostNotified, 4L, At(5), At(1)), (receipt!.Status, receipt.StatusVersion, receipt.UpdatedAt, receipt.HandedOverAt));
            Assert.Empty(receipt.EvidenceFiles);
            Assert.Equal("protected", await store.GetOrAddSecretAsync("idempotency-scope", "another", Ct));
        }

        AssertUpgraded(file, SqliteIntakeSchema.Migrations);
    }

    [Fact]
    public async Task Triage_keeps_its_reports_counts_search_and_outbox()
    {
        var report = new Report
        {
            Id = Guid.NewGuid(), Status = ReportStatuses.Triaging, Version = 3, Model = new ModelReference("huggingface", "org/model"),
            Category = "privacy", Severity = "high", Title = "Needle in the old file", Description = "plain", ReceivedAt = At(0), UpdatedAt = At(4),
        };
        var (doc, search) = await StoredDocumentAsync(report);
        // That release kept no reporter language nor e-mail opt-in.
        var old = System.Text.Json.Nodes.JsonNode.Parse(doc)!.AsObject();
        Assert.True(old.Remove("language") && old.Remove("notifyByEmail"));
        doc = old.ToJsonString();
        var file = PreviousRelease(TriageStoreFactory.SqliteFileName, PreviousReleaseSchemas.Triage, """
            INSERT INTO reports (id, status, category, severity, model_host, model_id, received_at, version, search_text, doc, search_rowid)
            VALUES ($id, $status, $category, $severity, $host, $model, $received, $version, $search, $doc, $key);
            INSERT INTO reports_fts (rowid, text) VALUES ($key, $search);
            """,
            ("$id", report.Id.ToString()), ("$status", report.Status), ("$category", report.Category), ("$severity", report.Severity),
            ("$host", report.Model.Host), ("$model", report.Model.Id), ("$received", Ms(0)), ("$version", report.Version),
            ("$search", search), ("$doc", doc), ("$key", SearchKey.For(report.ReceivedAt, report.Id)));

        await using (var store = new SqliteTriageStore(file.Path))
        {
            // The first start records the SLA the deadlines follow and stores them, a new version as the previous release did.
            SameJson(report with { Version = report.Version + 1 }, await store.GetReportAsync(report.Id, Ct));
            Assert.Equal([report.Id], (await store.ListReportsAsync(new ReportQuery(Text: "needle"), Ct)).Items.Select(r => r.Id));
            Assert.Equal(1, (await store.CountReportsAsync(new ReportQuery(), Ct)).Counts[ReportStatuses.Triaging]);
            // Step 4 gave the old report its near-duplicate signature: it is found by its bands.
            Assert.Equal([report.Id], (await store.FindSimilarAsync(
                SafetyReports.Triage.Similarity.ReportSignature.Of(report), DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 10, Ct)).Select(c => c.Report.Id));
            Assert.Empty(await store.DueMailAsync(At(100), 10, Ct));
        }

        // Migration 5 wrote the language of every report taken before it was kept: English.
        Assert.Equal("en", SafetyReports.IntegrationTests.Infrastructure.StoreQuery.Rows(Path.GetDirectoryName(file.Path)!, Path.GetFileName(file.Path), "SELECT json_extract(doc, '$.language') FROM reports").Single()[0]);
        AssertUpgraded(file, SqliteTriageSchema.Migrations);
    }

    [Fact]
    public async Task Triage_gives_the_audit_entries_of_the_previous_release_their_transparency_log_leaves()
    {
        var first = AuditChain.Link(new AuditDraft(Guid.NewGuid(), At(1), "intake", "received", "{}"), 1, AuditChain.GenesisHash);
        var second = AuditChain.Link(new AuditDraft(first.ReportId, At(2), "alice", "transition", "{\"to\":\"triaging\"}"), 2, first.Hash);
        const string Insert = "INSERT INTO audit (seq, report_id, at, actor, action, data, prev_hash, hash) VALUES ";
        var file = PreviousRelease(TriageStoreFactory.SqliteFileName, PreviousReleaseSchemas.Triage,
            Insert + "(1, $r, $at1, 'intake', 'received', '{}', $p1, $h1);" + Insert + "(2, $r, $at2, 'alice', 'transition', $d2, $h1, $h2);",
            ("$r", first.ReportId.ToString()), ("$at1", Ms(1)), ("$at2", Ms(2)), ("$p1", AuditChain.GenesisHash), ("$h1", first.Hash),
            ("$d2", second.Data), ("$h2", second.Hash));

        await using (var store = new SqliteTriageStore(file.Path))
        {
            // Computed from the entries alone, as the MongoDB step computes them, and appended after as any new entry.
            await store.AppendAuditAsync(new AuditDraft(Guid.Empty, At(3), "admin", "audit_exported", "{}"), Ct);
            var chain = await store.ReadAuditChainAsync(0, 10, Ct);
            Assert.Equal(chain.Select(SafetyReports.Triage.TransparencyLog.LogLeaf.HashOf).Select(Convert.ToHexString),
                (await store.ReadLogLeavesAsync(0, 10, Ct)).Select(Convert.ToHexString));
            Assert.Equal([first.Hash, second.Hash], chain.Take(2).Select(e => e.Hash));
        }

        AssertUpgraded(file, SqliteTriageSchema.Migrations);
    }

    [Fact]
    public async Task Notification_keeps_its_hosts_subscriptions_routes_and_outbox()
    {
        var subscriptionId = Guid.NewGuid();
        var reportId = Guid.NewGuid();
        var file = PreviousRelease(NotificationStoreFactory.SqliteFileName, PreviousReleaseSchemas.Notification, $"""
            INSERT INTO hosts VALUES ('huggingface', 'Hugging Face', 'a@example.org', {Ms(0)});
            INSERT INTO subscriptions (id, host_id, url, events, model_patterns, protected_secret, enabled, created_at)
            VALUES ('{subscriptionId}', 'huggingface', 'https://hooks.example.org', '["report.triaged"]', '["**"]', 'protected', 1, {Ms(1)});
            INSERT INTO routes (report_id, host_id, model_id, first_event_at) VALUES ('{reportId}', 'huggingface', 'org/model', {Ms(2)});
            """);

        var store = new SqliteNotificationStore(file.Path);
        SameJson(new Subscription(subscriptionId, "huggingface", "https://hooks.example.org", ["report.triaged"], ["**"], "protected", true, At(1)),
            await store.GetSubscriptionAsync(subscriptionId, Ct));
        Assert.Equal(new ReportRoute(reportId, "huggingface", "org/model", At(2), null, null), await store.GetRouteAsync(reportId, "huggingface", Ct));

        AssertUpgraded(file, SqliteNotificationSchema.Migrations);
    }

    [Fact]
    public async Task The_portal_keeps_its_sessions()
    {
        var file = PreviousRelease(SqliteSessionCache.FileName, PreviousReleaseSchemas.PortalSessions, $"""
            INSERT INTO sessions (key, value, expires_at, sliding_ms, absolute_at) VALUES ('session-1', X'6B657074', {Ms(3600)}, NULL, {Ms(3600)});
            """, withOutbox: false);

        var cache = new SqliteSessionCache(file.Path, new FixedClock(At(10)));
        Assert.Equal("kept", Encoding.ASCII.GetString((await cache.GetAsync("session-1", Ct))!));
        await cache.SetAsync("session-2", [1], new DistributedCacheEntryOptions { AbsoluteExpiration = At(60) }, Ct);

        AssertUpgraded(file, SqliteSessionSchema.Migrations, withOutbox: false);
    }

    private const string OutboxRow = "INSERT INTO outbox (id, message_type, body, created_at) VALUES ('3f0b7a52-5d0c-4a36-9a6e-000000000001', 'kept', '{}', 0);";

    private TempSqliteFile PreviousRelease(string fileName, string schema, string rows, params (string, object?)[] parameters) =>
        PreviousRelease(fileName, schema, rows, withOutbox: true, parameters);

    private TempSqliteFile PreviousRelease(string fileName, string schema, string rows, bool withOutbox, params (string, object?)[] parameters)
    {
        var file = new TempSqliteFile(fileName);
        _files.Add(file);
        using var connection = file.Open();
        connection.Execute(null, "PRAGMA journal_mode=WAL;");
        connection.Execute(null, schema);
        connection.Execute(null, rows + (withOutbox ? OutboxRow : ""), parameters);
        return file;
    }

    /// <summary>Every step recorded, at once (they were found, not run), the outbox row kept, and the schema of a new file.</summary>
    private static void AssertUpgraded(TempSqliteFile file, SqliteMigrations migrations, bool withOutbox = true)
    {
        SqliteConnection.ClearAllPools();
        using var connection = file.Open();
        var journal = SqliteMigrations.ReadJournal(connection);
        Assert.Equal(migrations.Steps.Select(s => (s.Version, s.Name)), journal.Select(j => (j.Version, j.Name)));
        Assert.Single(journal.Select(j => j.AppliedAt).Distinct());
        if (withOutbox)
        {
            Assert.Equal(["kept"], connection.Query(null, "SELECT message_type FROM outbox", r => r.GetString(0)));
        }

        using var fresh = new SqliteConnection("Data Source=:memory:");
        fresh.Open();
        migrations.Run(fresh);
        Assert.Equal(SqliteSchemaShape.Read(fresh, null).Describe(), SqliteSchemaShape.Read(connection, null).Describe());
    }

    /// <summary>The report's document and search text as a store writes them (the format has not changed since that release).</summary>
    private async Task<(string Doc, string Search)> StoredDocumentAsync(Report report)
    {
        var scratch = new TempSqliteFile(TriageStoreFactory.SqliteFileName);
        _files.Add(scratch);
        await using (var store = new SqliteTriageStore(scratch.Path))
        {
            await store.AddReportAsync(report, new AuditDraft(report.Id, report.ReceivedAt, "intake", "received", "{}"), [], Ct);
        }

        using var connection = scratch.Open();
        return connection.Query(null, "SELECT doc, search_text FROM reports", r => (r.GetString(0), r.GetString(1))).Single();
    }

    private static long Ms(double seconds) => At(seconds).ToUnixTimeMilliseconds();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
