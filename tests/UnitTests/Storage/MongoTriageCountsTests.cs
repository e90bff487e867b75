using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using SafetyReports.Triage.Storage;

namespace SafetyReports.UnitTests.Storage;

public sealed class MongoTriageCountsTests
{
    private static readonly BsonDocument Group = new()
    {
        { "$group", new BsonDocument { { "_id", "$status" }, { "n", new BsonDocument("$sum", 1) } } },
    };

    private static List<BsonDocument> Render(ReportQuery query) =>
        [.. MongoReportCounts.Pipeline(query).Render(new RenderArgs<MongoReportDocument>(
            BsonSerializer.LookupSerializer<MongoReportDocument>(), BsonSerializer.SerializerRegistry)).Documents];

    [Fact]
    public void Without_a_search_every_matching_report_is_grouped_by_status()
    {
        Assert.Equal([new BsonDocument("$match", new BsonDocument()), Group], Render(new ReportQuery(Status: "triaging", CountCap: 5)));
        Assert.Equal(
            [new BsonDocument("$match", new BsonDocument { { "category", "hate" }, { "model.host", "civitai" } }), Group],
            Render(new ReportQuery(Category: "hate", ModelHost: "civitai")));
    }

    [Fact]
    public void With_a_search_at_most_the_cap_of_reports_holding_the_words_are_looked_at_then_filtered()
    {
        var stages = Render(new ReportQuery(Category: "hate", Text: "Jailbreak!", CountCap: 10_000));

        Assert.Equal(3, stages.Count);
        Assert.Equal("\"jailbreak\"", stages[0]["$match"]["$text"]["$search"]);
        Assert.Equal("none", stages[0]["$match"]["$text"]["$language"]);
        Assert.Equal(new BsonDocument("$limit", 10_000), stages[1]);
        Assert.Equal(
            new BsonDocument("$facet", new BsonDocument
            {
                { "seen", new BsonArray { new BsonDocument("$count", "n") } },
                { "counts", new BsonArray { new BsonDocument("$match", new BsonDocument("category", "hate")), Group } },
            }),
            stages[2]);
        // Text without words does not filter, so nothing is capped.
        Assert.Equal(2, Render(new ReportQuery(Text: ".*")).Count);
    }
}
