using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.Intake.Storage;
using SafetyReports.Notification.Storage;
using SafetyReports.Triage.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.UnitTests.Storage;

/// <summary>The MongoDB indexes match the SQLite schema's, by name and keys.</summary>
public sealed class MongoIndexTests
{
    [Fact]
    public void Intake_indexes_the_handover_queue_and_the_submissions_set_aside()
    {
        AssertIndexes(MongoIntakeIndexes.Submissions,
            ("ix_submissions_handover", new BsonDocument("nextHandoverAt", 1)),
            ("ix_submissions_quarantined", new BsonDocument("quarantinedAt", 1)));
        // Only submissions set aside are in it, and the count readiness asks for matches exactly those.
        var quarantined = Assert.IsType<CreateIndexOptions<MongoSubmissionDocument>>(MongoIntakeIndexes.Submissions[1].Options);
        var inQuarantine = new BsonDocument("quarantinedAt", new BsonDocument("$type", 9));
        Assert.Equal(inQuarantine, Render(quarantined.PartialFilterExpression));
        Assert.Equal(inQuarantine, Render(MongoIntakeFilters.InQuarantine));
        // A report's files are found by the report, as SQLite's ix_evidence_files_report finds them.
        AssertIndexes(MongoIntakeIndexes.EvidenceFiles, ("ix_evidence_files_report", new BsonDocument("reportId", 1)));
    }

    [Fact]
    public void Triage_finds_a_reports_evidence_files_by_the_report()
    {
        AssertIndexes(MongoTriageIndexes.EvidenceFiles, ("ix_evidence_files_report", new BsonDocument("reportId", 1)));
    }

    [Fact]
    public void Triage_indexes_the_queue_orders_and_filters_and_each_reports_history()
    {
        AssertIndexes(MongoTriageIndexes.Reports,
            [
                ("ix_reports_received", new BsonDocument { { "receivedAt", -1 }, { "_id", -1 } }),
                ("ix_reports_deadline", new BsonDocument { { "deadline", 1 }, { "_id", 1 } }),
                .. new[] { ("status", "status"), ("category", "category"), ("severity", "severity"), ("assignee", "assignee"), ("host", "model.host"), ("model", "model.id") }
                    .SelectMany(f => new[]
                    {
                        ($"ix_reports_{f.Item1}_received", new BsonDocument { { f.Item2, 1 }, { "receivedAt", 1 }, { "_id", 1 } }),
                        ($"ix_reports_{f.Item1}_deadline", new BsonDocument { { f.Item2, 1 }, { "deadline", 1 }, { "_id", 1 } }),
                    }),
                ("ix_reports_contact_closed", new BsonDocument("contactClosedAt", 1)),
                ("ix_reports_unanswered_since", new BsonDocument("unansweredSince", 1)),
                ("ix_reports_disclosed", new BsonDocument("disclosedAt", -1)),
                ("ix_reports_contested_received", new BsonDocument { { "contestOpen", 1 }, { "receivedAt", 1 }, { "_id", 1 } }),
                ("ix_reports_contested_deadline", new BsonDocument { { "contestOpen", 1 }, { "deadline", 1 }, { "_id", 1 } }),
                ("ix_reports_bands_received", new BsonDocument { { "bands", 1 }, { "receivedAt", -1 } }),
                ("ix_reports_text", new BsonDocument { { "searchText", "text" } }),
            ]);
        Assert.Equal("none", MongoTriageIndexes.Reports[^1].Options.DefaultLanguage);

        // Only reports with an open contest are in the contested indexes: the filter the queue sends matches exactly those,
        // and no key pattern repeats another index's.
        var contested = MongoTriageIndexes.Reports.Where(i => i.Options.Name.StartsWith("ix_reports_contested_", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, contested.Count);
        Assert.All(contested, i => Assert.Equal(new BsonDocument("contestOpen", true),
            Render(Assert.IsType<CreateIndexOptions<MongoReportDocument>>(i.Options).PartialFilterExpression)));
        Assert.Equal(new BsonDocument("contestOpen", true), Render(MongoTriageFilters.List(new ReportQuery(Contested: true))));
        Assert.Equal(MongoTriageIndexes.Reports.Count, MongoTriageIndexes.Reports.Select(i => Keys(i).ToJson()).Distinct().Count());
        AssertIndexes(MongoTriageIndexes.Audit, ("ix_audit_report", new BsonDocument { { "reportId", 1 }, { "_id", 1 } }));
    }

    [Fact]
    public void The_near_duplicate_lookup_is_the_band_index_s_filter()
    {
        var from = new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);
        var before = from.AddHours(4);

        Assert.Equal(
            new BsonDocument
            {
                { "bands", new BsonDocument("$in", new BsonArray { "00-aa", "01-bb" }) },
                { "receivedAt", new BsonDocument { { "$gte", new BsonDateTime(from.UtcDateTime) }, { "$lt", new BsonDateTime(before.UtcDateTime) } } },
            },
            Render(MongoReportBands.Sharing(["00-aa", "01-bb"], from, before)));
    }

    [Fact]
    public void Notification_indexes_subscriptions_due_deliveries_host_deliveries_and_attempts()
    {
        AssertIndexes(MongoNotificationIndexes.Subscriptions,
            ("ix_subscriptions_host", new BsonDocument { { "hostId", 1 }, { "createdAt", 1 } }),
            ("ix_subscriptions_disabled", new BsonDocument { { "disabledAt", -1 }, { "_id", -1 } }));
        AssertIndexes(MongoNotificationIndexes.Deliveries,
            ("ix_deliveries_due", new BsonDocument { { "status", 1 }, { "nextAttemptAt", 1 } }),
            ("ix_deliveries_host", new BsonDocument { { "hostId", 1 }, { "createdAt", -1 } }),
            ("ix_deliveries_subscription", new BsonDocument { { "subscriptionId", 1 }, { "status", 1 }, { "createdAt", 1 } }));
        AssertIndexes(MongoNotificationIndexes.RoutesBeforeModelIdentity,
            ("ix_routes_host", new BsonDocument { { "hostId", 1 }, { "firstEventAt", -1 }, { "_id", -1 } }),
            ("ix_routes_unacknowledged", new BsonDocument { { "acknowledgedAt", 1 }, { "lastContactAt", 1 } }));
        AssertIndexes(MongoNotificationIndexes.Routes,
            ("ix_host_routes_host", new BsonDocument { { "hostId", 1 }, { "firstEventAt", -1 }, { "reportId", -1 } }),
            ("ix_host_routes_unacknowledged", new BsonDocument { { "acknowledgedAt", 1 }, { "lastContactAt", 1 } }),
            ("ix_host_routes_report", new BsonDocument { { "reportId", 1 }, { "hostId", 1 } }));
        AssertIndexes(MongoNotificationIndexes.Attempts,
            ("ix_attempts_delivery", new BsonDocument { { "deliveryId", 1 }, { "_id", 1 } }));
    }

    [Fact]
    public void Model_identity_finds_manifests_and_reports_by_digest_through_multikey_indexes_and_alias_groups_by_group()
    {
        AssertIndexes(MongoNotificationIndexes.ModelManifests, ("ix_model_manifests_digests", new BsonDocument("digests", 1)));
        AssertIndexes(MongoNotificationIndexes.ReportDigests, ("ix_report_digests_digests", new BsonDocument("digests", 1)));
        AssertIndexes(MongoNotificationIndexes.ModelAliases, ("ix_model_aliases_group", new BsonDocument("groupId", 1)));
        Assert.Equal(
            new BsonDocument("digests", new BsonDocument("$in", new BsonArray { "sha256:" + new string('a', 64) })),
            MongoRendering.Render(MongoNotificationFilters.ManifestsWithAny(["sha256:" + new string('a', 64)])));
    }

    [Fact]
    public void The_outbox_keeps_each_message_id_once()
    {
        var index = Assert.Single(MongoOutbox.Indexes);
        Assert.Equal(new BsonDocument("messageId", 1), Keys(index));
        Assert.True(index.Options.Unique);
    }

    private static void AssertIndexes<T>(IReadOnlyList<CreateIndexModel<T>> indexes, params (string Name, BsonDocument Keys)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Name), indexes.Select(i => i.Options.Name));
        Assert.Equal(expected.Select(e => e.Keys), indexes.Select(Keys));
        Assert.All(indexes, i => Assert.NotEqual(true, i.Options.Unique));
    }
}
