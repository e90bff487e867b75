using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

/// <summary>The indexes of Triage's MongoDB database, matching the SQLite schema's.</summary>
public static class MongoTriageIndexes
{
    // Index keys name the records' elements: their maps must exist before any index is rendered, store or not.
    static MongoTriageIndexes() => MongoTriageRecords.Register();

    private static IndexKeysDefinitionBuilder<MongoReportDocument> ReportKeys => Builders<MongoReportDocument>.IndexKeys;

    /// <summary>
    /// As on SQLite: per filter, one index for the received orders (walked either way) and one for the
    /// deadline order; a text index for search (no language: no stemming, no stop words).
    /// </summary>
    public static IReadOnlyList<CreateIndexModel<MongoReportDocument>> Reports { get; } =
    [
        new(ReportKeys.Descending(d => d.ReceivedAt).Descending(d => d.Id),
            new CreateIndexOptions { Name = "ix_reports_received" }),
        new(ReportKeys.Ascending(d => d.Deadline).Ascending(d => d.Id),
            new CreateIndexOptions { Name = "ix_reports_deadline" }),
        .. Filtered("status", d => d.Status),
        .. Filtered("category", d => d.Category),
        .. Filtered("severity", d => d.Severity!),
        .. Filtered("assignee", d => d.Assignee!),
        .. Filtered("host", d => d.Model.Host),
        .. Filtered("model", d => d.Model.ModelId),
        new(ReportKeys.Ascending(d => d.ContactClosedAt),
            new CreateIndexOptions { Name = "ix_reports_contact_closed" }),
        new(ReportKeys.Ascending(d => d.UnansweredSince),
            new CreateIndexOptions { Name = "ix_reports_unanswered_since", Sparse = true }),
        new(ReportKeys.Descending(d => d.DisclosedAt),
            new CreateIndexOptions { Name = "ix_reports_disclosed", Sparse = true }),
        .. Contested(),
        new(ReportKeys.Ascending(d => d.Bands).Descending(d => d.ReceivedAt),
            new CreateIndexOptions { Name = SimilarityIndex }),
        new(ReportKeys.Text(d => d.SearchText),
            new CreateIndexOptions { Name = "ix_reports_text", DefaultLanguage = "none" }),
    ];

    private static IEnumerable<CreateIndexModel<MongoReportDocument>> Filtered(
        string name, System.Linq.Expressions.Expression<Func<MongoReportDocument, object>> field) =>
    [
        new(ReportKeys.Ascending(field).Ascending(d => d.ReceivedAt).Ascending(d => d.Id),
            new CreateIndexOptions { Name = $"ix_reports_{name}_received" }),
        new(ReportKeys.Ascending(field).Ascending(d => d.Deadline).Ascending(d => d.Id),
            new CreateIndexOptions { Name = $"ix_reports_{name}_deadline" }),
    ];

    /// <summary>
    /// <c>contested=true</c> in each order, as on SQLite: only reports with an open contest are in these (partial)
    /// indexes, so the queue of contested reports walks a few entries whatever the other reports are. The flag leads
    /// the keys (the filter's equality) so no key pattern repeats another index's (servers before 5.0 refuse that).
    /// </summary>
    private static IEnumerable<CreateIndexModel<MongoReportDocument>> Contested()
    {
        var open = Builders<MongoReportDocument>.Filter.Eq(d => d.ContestOpen, true);
        return
        [
            new(ReportKeys.Ascending(d => d.ContestOpen).Ascending(d => d.ReceivedAt).Ascending(d => d.Id),
                new CreateIndexOptions<MongoReportDocument> { Name = "ix_reports_contested_received", PartialFilterExpression = open }),
            new(ReportKeys.Ascending(d => d.ContestOpen).Ascending(d => d.Deadline).Ascending(d => d.Id),
                new CreateIndexOptions<MongoReportDocument> { Name = "ix_reports_contested_deadline", PartialFilterExpression = open }),
        ];
    }

    /// <summary>A report's history in chain order; the chain itself is read by <c>_id</c> (the sequence).</summary>
    public static IReadOnlyList<CreateIndexModel<MongoAuditEntryDocument>> Audit { get; } =
    [
        new(Builders<MongoAuditEntryDocument>.IndexKeys.Ascending(d => d.ReportId).Ascending(d => d.Sequence),
            new CreateIndexOptions { Name = "ix_audit_report" }),
    ];

    private static readonly string[] ContestedIndexes = ["ix_reports_contested_received", "ix_reports_contested_deadline"];

    private const string SimilarityIndex = "ix_reports_bands_received";

    public static IReadOnlyList<CreateIndexModel<MongoEvidenceFileDocument>> EvidenceFiles { get; } =
    [
        new(Builders<MongoEvidenceFileDocument>.IndexKeys.Ascending(d => d.ReportId),
            new CreateIndexOptions { Name = "ix_evidence_files_report" }),
    ];

    /// <summary>
    /// Triage's MongoDB schema as migrations (<see cref="MongoMigrations"/>): version 1 what the release of 2026-11-29 created,
    /// each later step one change since. Each is safe to run again; a released step never changes.
    /// </summary>
    public static MongoMigrations Migrations { get; } = new("triage",
    [
        new(1, "release of 2026-11-29", async (database, ct) =>
        {
            await MongoStoreSetup.CreateCollectionsAsync(
                database,
                [MongoTriageStore.ReportsCollection, MongoTriageStore.AuditCollection, MongoTriageStore.AuditHeadCollection, MongoOutbox.CollectionName],
                ct);
            await MongoSteps.CreateIndexesAsync(database, MongoTriageStore.ReportsCollection, MongoSteps.Except(Reports, [.. ContestedIndexes, SimilarityIndex]), ct);
            await MongoSteps.CreateIndexesAsync(database, MongoTriageStore.AuditCollection, Audit, ct);
            await new MongoOutbox(database).CreateIndexesAsync(ct);
        }),
        new(2, "open contests in the queue", (database, ct) =>
            MongoSteps.CreateIndexesAsync(database, MongoTriageStore.ReportsCollection, MongoSteps.Named(Reports, ContestedIndexes), ct)),
        new(3, "near-duplicate signatures", async (database, ct) =>
        {
            await MongoSteps.CreateIndexesAsync(database, MongoTriageStore.ReportsCollection, MongoSteps.Named(Reports, SimilarityIndex), ct);
            await MongoReportBands.BackfillAsync(database, ct);
        }),
        new(4, "transparency log leaves", MongoAuditLog.BackfillLeavesAsync),
        new(5, "reporter language and mail outbox", async (database, ct) =>
        {
            // Reports stored before the reporter's language was kept were all taken in English; matches only those.
            await database.GetCollection<MongoReportDocument>(MongoTriageStore.ReportsCollection).UpdateManyAsync(
                LanguageMissing, Builders<MongoReportDocument>.Update.Set(d => d.Language, SupportedLanguages.Default), cancellationToken: ct);
            await new MongoMailOutbox(database).CreateAsync(ct);
        }),
        new(6, "sealed months and errata", MongoSealedMonths.CreateAsync),
        new(7, "maintainers' notification choices", async (database, ct) =>
        {
            await MongoStoreSetup.CreateCollectionsAsync(database, [MongoTriageStore.MaintainerNotificationsCollection, MongoTriageStore.MaintainerDigestCollection], ct);
            await database.GetCollection<MaintainerDigestItem>(MongoTriageStore.MaintainerDigestCollection).Indexes.CreateManyAsync(MongoTriageStore.DigestIndexes, ct);
        }),
        new(8, "sealed per-model figures and errata", MongoSealedModels.CreateAsync),
        new(9, "sent mails pruned", (database, ct) => new MongoMailOutbox(database).CreateSentIndexAsync(ct)),
        // The collection exists before the first transaction inserts into it (servers before 4.4 cannot create one in a transaction).
        new(10, "evidence files stored with their report", async (database, ct) =>
        {
            await MongoStoreSetup.CreateCollectionsAsync(database, [MongoTriageStore.EvidenceFilesCollection], ct);
            await MongoSteps.CreateIndexesAsync(database, MongoTriageStore.EvidenceFilesCollection, EvidenceFiles, ct);
        }),
        new(11, "published advisories", MongoAdvisories.CreateAsync),
    ]);

    /// <summary>Reports stored before the reporter's language was kept (migration 5 backfills them).</summary>
    public static FilterDefinition<MongoReportDocument> LanguageMissing { get; } = Builders<MongoReportDocument>.Filter.Exists(d => d.Language, false);

    /// <summary>Brings the database up to date (<see cref="Migrations"/>).</summary>
    public static Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken) => Migrations.RunAsync(database, cancellationToken);
}
