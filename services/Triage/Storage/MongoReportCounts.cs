using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// Counts per status on MongoDB, by the same rule as SQLite (<see cref="ReportCounts"/>): exact without a
/// search term; with one, of at most <see cref="ReportQuery.CountCap"/> reports holding the words, the
/// other filters applied to those, and <see cref="ReportCounts.Capped"/> when the words reach the cap.
/// </summary>
public static class MongoReportCounts
{
    private static readonly BsonDocument Group = new("$group", new BsonDocument { { "_id", "$status" }, { "n", new BsonDocument("$sum", 1) } });

    public static PipelineDefinition<MongoReportDocument, BsonDocument> Pipeline(ReportQuery query)
    {
        if (SearchTerms.MongoSearch(query.Text) is not { } search)
        {
            return new EmptyPipelineDefinition<MongoReportDocument>().Match(MongoTriageFilters.CountsOf(query))
                .AppendStage<MongoReportDocument, MongoReportDocument, BsonDocument>(Group);
        }

        var args = new RenderArgs<MongoReportDocument>(BsonSerializer.LookupSerializer<MongoReportDocument>(), BsonSerializer.SerializerRegistry);
        BsonDocument[] stages =
        [
            new("$match", MongoTriageFilters.Text(search).Render(args)),
            new("$limit", query.CountCap),
            new("$facet", new BsonDocument
            {
                { "seen", new BsonArray { new BsonDocument("$count", "n") } },
                { "counts", new BsonArray { new BsonDocument("$match", MongoTriageFilters.CountsOf(query with { Text = null }).Render(args)), Group } },
            }),
        ];
        return PipelineDefinition<MongoReportDocument, BsonDocument>.Create(stages);
    }

    public static async Task<ReportCounts> CountAsync(IMongoCollection<MongoReportDocument> reports, ReportQuery query, CancellationToken cancellationToken)
    {
        var results = await reports.Aggregate(Pipeline(query), cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        if (SearchTerms.MongoSearch(query.Text) is null)
        {
            return ReportCounts.From(results.Select(g => ((string?)g["_id"].AsString, g["n"].ToInt64())));
        }

        // One document: how many reports holding the words were looked at, and the counts of those kept.
        var facets = results.Single();
        var seen = facets["seen"].AsBsonArray.Select(s => s["n"].ToInt64()).SingleOrDefault();
        var counts = facets["counts"].AsBsonArray.Select(g => ((string?)g["_id"].AsString, g["n"].ToInt64())).ToList();
        return ReportCounts.From([.. counts, (null, seen - counts.Sum(c => c.Item2))], query.CountCap);
    }
}
