using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Triage.Storage;

/// <summary>The indexes of Triage's MongoDB database, matching the SQLite schema's.</summary>
public static class MongoTriageIndexes
{
    private static IndexKeysDefinitionBuilder<MongoReportDocument> ReportKeys => Builders<MongoReportDocument>.IndexKeys;

    public static IReadOnlyList<CreateIndexModel<MongoReportDocument>> Reports { get; } =
    [
        new(ReportKeys.Descending(d => d.ReceivedAt).Descending(d => d.Id),
            new CreateIndexOptions { Name = "ix_reports_received" }),
        new(ReportKeys.Ascending(d => d.Status).Descending(d => d.ReceivedAt),
            new CreateIndexOptions { Name = "ix_reports_status" }),
        new(ReportKeys.Ascending(d => d.Model.Host).Ascending(d => d.Model.ModelId).Descending(d => d.ReceivedAt),
            new CreateIndexOptions { Name = "ix_reports_model" }),
    ];

    /// <summary>A report's history in chain order; the chain itself is read by <c>_id</c> (the sequence).</summary>
    public static IReadOnlyList<CreateIndexModel<MongoAuditEntryDocument>> Audit { get; } =
    [
        new(Builders<MongoAuditEntryDocument>.IndexKeys.Ascending(d => d.ReportId).Ascending(d => d.Sequence),
            new CreateIndexOptions { Name = "ix_audit_report" }),
    ];

    /// <summary>Idempotent: creating a collection or an index that exists with the same keys and options does nothing.</summary>
    public static async Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        await MongoStoreSetup.CreateCollectionsAsync(
            database,
            [MongoTriageStore.ReportsCollection, MongoTriageStore.AuditCollection, MongoTriageStore.AuditHeadCollection, MongoOutbox.CollectionName],
            cancellationToken);
        await database.GetCollection<MongoReportDocument>(MongoTriageStore.ReportsCollection)
            .Indexes.CreateManyAsync(Reports, cancellationToken);
        await database.GetCollection<MongoAuditEntryDocument>(MongoTriageStore.AuditCollection)
            .Indexes.CreateManyAsync(Audit, cancellationToken);
        await new MongoOutbox(database).CreateIndexesAsync(cancellationToken);
    }
}
