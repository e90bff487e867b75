using MongoDB.Bson;
using MongoDB.Driver;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// Counts per status on MongoDB, by the same rule as SQLite: exact without a search term; with one,
/// of at most <see cref="ReportQuery.CountCap"/> reports matching every filter (the counts are then lower
/// bounds, <see cref="ReportCounts.Capped"/>). Counting is an aggregation over the filters' indexes.
/// </summary>
public static class MongoReportCounts
{
    public static PipelineDefinition<MongoReportDocument, BsonDocument> Pipeline(ReportQuery query)
    {
        var pipeline = new EmptyPipelineDefinition<MongoReportDocument>().Match(MongoTriageFilters.CountsOf(query));
        if (IsCapped(query))
        {
            pipeline = pipeline.Limit(query.CountCap);
        }

        return pipeline.Group<MongoReportDocument, MongoReportDocument, BsonDocument>(
            new BsonDocument { { "_id", "$status" }, { "n", new BsonDocument("$sum", 1) } });
    }

    public static async Task<ReportCounts> CountAsync(IMongoCollection<MongoReportDocument> reports, ReportQuery query, CancellationToken cancellationToken)
    {
        var groups = await reports.Aggregate(Pipeline(query), cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return ReportCounts.From(groups.Select(g => (g["_id"].AsString, g["n"].ToInt64())), IsCapped(query) ? query.CountCap : null);
    }

    private static bool IsCapped(ReportQuery query) => SearchTerms.MongoSearch(query.Text) is not null;
}
