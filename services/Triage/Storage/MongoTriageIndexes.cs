using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Triage.Storage;

/// <summary>The indexes of Triage's MongoDB database, matching the SQLite schema's.</summary>
public static class MongoTriageIndexes
{
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
