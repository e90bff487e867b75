using MongoDB.Bson;
using MongoDB.Driver;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// Keeps stored deadlines in step with the configured SLA on MongoDB: when the SLA differs from the one
/// recorded in <c>triageMeta</c>, every report whose deadline changes gets the new one (received time plus the
/// SLA of its severity) with one pipeline update per severity, then the new SLA is recorded. A report whose
/// deadline changes gets a new version, as any change: a writer that read it before fails its version check
/// and reads it again instead of replacing it with what it read.
/// </summary>
public static class MongoDeadlines
{
    public const string MetaCollection = "triageMeta";

    public static async Task EnsureAsync(IMongoDatabase database, SlaOptions sla, CancellationToken cancellationToken)
    {
        var meta = database.GetCollection<BsonDocument>(MetaCollection);
        var fingerprint = Fingerprint(sla);
        var recorded = await meta.Find(new BsonDocument("_id", "sla")).FirstOrDefaultAsync(cancellationToken);
        if (recorded?["value"].AsString == fingerprint)
        {
            return;
        }

        var reports = database.GetCollection<MongoReportDocument>(MongoTriageStore.ReportsCollection);
        foreach (var (filter, update) in Updates(sla))
        {
            await reports.UpdateManyAsync(filter, update, cancellationToken: cancellationToken);
        }

        await meta.ReplaceOneAsync(new BsonDocument("_id", "sla"), new BsonDocument { { "_id", "sla" }, { "value", fingerprint } },
            new ReplaceOptions { IsUpsert = true }, cancellationToken);
    }

    /// <summary>
    /// One (filter, pipeline update) per severity and one for reports without a known severity; each filter takes only the
    /// reports whose deadline differs from the new one, so a second replica running it changes (and versions) nothing.
    /// </summary>
    public static IReadOnlyList<(FilterDefinition<MongoReportDocument> Filter, UpdateDefinition<MongoReportDocument> Update)> Updates(SlaOptions sla)
    {
        var filter = Builders<MongoReportDocument>.Filter;
        return
        [
            .. Severities.All.Select(s => (filter.Eq(d => d.Severity, s) & DeadlineIsNot(sla.For(s)), SetDeadline(sla.For(s)))),
            (filter.Nin(d => d.Severity, Severities.All) & DeadlineIsNot(sla.Unassessed), SetDeadline(sla.Unassessed)),
        ];
    }

    private static BsonDocument Deadline(TimeSpan sla) => new("$add", new BsonArray { "$receivedAt", (long)sla.TotalMilliseconds });

    private static FilterDefinition<MongoReportDocument> DeadlineIsNot(TimeSpan sla) =>
        new BsonDocumentFilterDefinition<MongoReportDocument>(new BsonDocument("$expr", new BsonDocument("$ne", new BsonArray { "$deadline", Deadline(sla) })));

    private static UpdateDefinition<MongoReportDocument> SetDeadline(TimeSpan sla) =>
        new PipelineUpdateDefinition<MongoReportDocument>(new BsonDocument[]
        {
            new("$set", new BsonDocument
            {
                { "deadline", Deadline(sla) },
                { "version", new BsonDocument("$add", new BsonArray { "$version", 1L }) },
            }),
        });

    private static string Fingerprint(SlaOptions sla) =>
        string.Join(',', sla.Named().Select(n => ((long)n.Value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)));
}
