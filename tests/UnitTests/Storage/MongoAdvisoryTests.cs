using System.Text.Json;
using MongoDB.Bson;
using SafetyReports.Triage.Advisories;
using SafetyReports.Triage.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Storage;

public sealed class MongoAdvisoryTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 12, 0, 0, 123, TimeSpan.Zero);

    static MongoAdvisoryTests() => MongoTriageRecords.Register();

    [Fact]
    public void The_indexes_keep_one_advisory_per_report_unique_numbers_per_year_and_the_feed_order()
    {
        Assert.Equal(
            [
                ("ix_advisories_report", new BsonDocument("reportId", 1), true),
                ("ix_advisories_year_number", new BsonDocument { { "year", 1 }, { "number", 1 } }, true),
                ("ix_advisories_modified", new BsonDocument { { "modified", 1 }, { "_id", 1 } }, false),
            ],
            MongoAdvisories.Indexes.Select(i => (i.Options.Name, Keys(i), i.Options.Unique ?? false)));
    }

    [Fact]
    public void The_feed_renders_as_sqlite_compares_modified_then_id()
    {
        Assert.Equal(new BsonDocument(), Render(MongoAdvisories.From(null, changeFeed: true)));
        Assert.Equal(new BsonDocument("modified", new BsonDocument("$gt", Date(At))), Render(MongoAdvisories.From(new AdvisoryCursor(At, null), changeFeed: true)));
        Assert.Equal(
            new BsonDocument("$or", new BsonArray
            {
                new BsonDocument("modified", new BsonDocument("$lt", Date(At))),
                new BsonDocument { { "modified", Date(At) }, { "_id", new BsonDocument("$lt", "SR-2026-0002") } },
            }),
            Render(MongoAdvisories.From(new AdvisoryCursor(At, "SR-2026-0002"), changeFeed: false)));
        Assert.Equal(new BsonDocument { { "modified", -1 }, { "_id", -1 } }, Render(MongoAdvisories.Order(oldestFirst: false)));
    }

    [Fact]
    public void A_document_keeps_the_advisory_whole()
    {
        var advisory = new Advisory
        {
            Id = "SR-2026-0003",
            ReportId = Guid.NewGuid(),
            Revision = 2,
            Published = At.AddDays(-1),
            Modified = At,
            Category = "hate",
            Affected = [new AffectedModel("hub", "org/model", ["main"], [])],
            History = [new AdvisoryRevision(1, At.AddDays(-1), AdvisoryFields.Published), new AdvisoryRevision(2, At, AdvisoryFields.Revised)],
        };

        var (bson, back) = RoundTrip(MongoAdvisoryDocument.From(advisory, 2026, 3));

        Assert.Equal("SR-2026-0003", bson["_id"].AsString);
        AssertDate(At, bson["modified"]);
        Assert.Equal(JsonSerializer.Serialize(advisory), JsonSerializer.Serialize(back.ToAdvisory()));
    }
}
