using MongoDB.Bson;
using SafetyReports.Intake.Storage;
using SafetyReports.Notification.Storage;
using SafetyReports.Portal.Auth;
using SafetyReports.Triage.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.UnitTests.Storage;

/// <summary>The MongoDB migrations without a server: their order, what a recorded version leaves to run, the record's update.</summary>
public sealed class MongoMigrationsTests
{
    private static readonly MongoMigrations[] Every =
    [
        MongoIntakeIndexes.Migrations, MongoRateCounterFilters.Migrations, MongoTriageIndexes.Migrations,
        MongoNotificationIndexes.Migrations, MongoSessionFilters.Migrations,
    ];

    [Fact]
    public void Every_store_has_its_own_record_and_steps_one_two_three()
    {
        Assert.Equal(Every.Length, Every.Select(m => m.Store).Distinct().Count());
        Assert.All(Every, m => Assert.Equal(Enumerable.Range(1, m.Steps.Count), m.Steps.Select(s => s.Version)));
        Assert.Equal(
            ["release of 2026-11-29", "open contests in the queue", "near-duplicate signatures", "transparency log leaves",
                "reporter language and mail outbox", "sealed months and errata", "maintainers' notification choices", "sealed per-model figures and errata",
                "sent mails pruned", "evidence files stored with their report", "published advisories"],
            MongoTriageIndexes.Migrations.Steps.Select(s => s.Name));
    }

    [Fact]
    public void A_recorded_version_leaves_the_later_steps_in_order()
    {
        var migrations = MongoNotificationIndexes.Migrations;

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], migrations.Pending("reports", 0).Select(s => s.Version));
        Assert.Equal([2, 3, 4, 5, 6, 7], migrations.Pending("reports", 1).Select(s => s.Version));
        Assert.Equal("model identity: routes per report and host, manifests, aliases, report digests", Assert.Single(migrations.Pending("reports", 6)).Name);
        Assert.Empty(migrations.Pending("reports", 7));
    }

    [Fact]
    public void A_database_a_newer_release_upgraded_is_refused_with_its_version()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MongoTriageIndexes.Migrations.Pending("reports", 12));

        Assert.Equal(
            "The database reports (triage) has schema version 12, newer than this release knows (up to 11, 'published advisories'): "
            + "it was upgraded by a newer release (versions 12). Run that release, or restore the backup taken before the upgrade.",
            error.Message);
    }

    [Fact]
    public void The_language_backfill_matches_only_reports_without_one_and_the_mail_outbox_finds_unsent_mails_by_due_time()
    {
        var now = new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

        Assert.Equal(new BsonDocument("language", new BsonDocument("$exists", false)), Render(MongoTriageIndexes.LanguageMissing));
        Assert.Equal(
            new BsonDocument
            {
                { "mail", new BsonDocument("$exists", true) },
                { "sentAt", BsonNull.Value },
                { "dueAt", new BsonDocument("$lte", Date(now)) },
            },
            Render(MongoMailOutbox.Due(now)));
        var index = Assert.Single(MongoMailOutbox.Indexes);
        Assert.Equal("ix_mail_outbox_due", index.Options.Name);
        var sent = Assert.Single(MongoMailOutbox.SentIndexes);
        Assert.Equal("ix_mail_outbox_sent", sent.Options.Name);
    }

    [Fact]
    public void Versions_out_of_order_are_refused_when_the_list_is_made()
    {
        var error = Assert.Throws<ArgumentException>(() => new MongoMigrations("test", [new(2, "second", (_, _) => Task.CompletedTask)]));

        Assert.Contains("Migration 'second' has version 2 at position 1", error.Message);
    }

    [Fact]
    public void A_step_is_recorded_only_over_an_older_record_of_the_same_store()
    {
        var step = MongoTriageIndexes.Migrations.Steps[1];
        var at = new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

        Assert.Equal(
            new BsonDocument { { "_id", "triage" }, { "version", new BsonDocument("$lt", 2) } },
            Render(MongoTriageIndexes.Migrations.Below(step)));
        Assert.Equal(
            new BsonDocument("$set", new BsonDocument { { "version", 2 }, { "name", "open contests in the queue" }, { "appliedAt", Date(at) } }),
            Render(MongoMigrations.Record(step, at)));
    }

    [Fact]
    public void The_contested_and_band_indexes_are_steps_of_their_own_and_every_other_queue_index_is_in_the_first()
    {
        string[] contested = ["ix_reports_contested_received", "ix_reports_contested_deadline"];
        string[] bands = ["ix_reports_bands_received"];

        var first = MongoSteps.Except(MongoTriageIndexes.Reports, [.. contested, .. bands]);
        var second = MongoSteps.Named(MongoTriageIndexes.Reports, contested);
        var third = MongoSteps.Named(MongoTriageIndexes.Reports, bands);

        Assert.Equal(contested, second.Select(i => i.Options.Name));
        Assert.Equal(bands, third.Select(i => i.Options.Name));
        Assert.Equal(MongoTriageIndexes.Reports.Select(i => i.Options.Name).Order(StringComparer.Ordinal),
            first.Concat(second).Concat(third).Select(i => i.Options.Name).Order(StringComparer.Ordinal));
    }
}
