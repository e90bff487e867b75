using MongoDB.Bson;
using SafetyReports.Triage.Storage;
using SafetyReports.Triage.Transparency;

namespace SafetyReports.UnitTests.Triage.Transparency;

/// <summary>The MongoDB cells' updates and filters as rendered (no server runs here; the contract tests use one when MONGODB_URI is set).</summary>
public class MongoTransparencyCellsTests
{
    [Fact]
    public void A_change_is_one_inc_upsert_per_cell_with_the_counts_it_moves()
    {
        var previous = new TransparencyContribution("hub", "org/m", 202603, [1, 5]);
        var next = new TransparencyContribution("hub", "org/m", 202603, [1, 7]);
        var updates = MongoTransparencyCells.Updates(CellDeltas.Moving(previous, next)).ToList();

        Assert.Equal(2, updates.Count);
        var host = updates.Single(u => !u.Model);
        Assert.Equal(new BsonDocument { { "host", "hub" }, { "month", 202603 } }, host.Filter);
        Assert.Equal(new BsonDocument("$inc", new BsonDocument { { "counts.k5", -1L }, { "counts.k7", 1L } }), host.Update);
        Assert.Equal("org/m", updates.Single(u => u.Model).Filter["model"].AsString);
        Assert.Empty(MongoTransparencyCells.Updates(CellDeltas.Moving(next, next)));
    }

    [Fact]
    public void Reads_are_a_month_range_and_for_models_one_host_matching_the_unique_indexes()
    {
        Assert.Equal(BsonDocument.Parse("""{ "month": { "$gte": 202601, "$lte": 202612 } }"""),
            MongoTransparencyCells.ReadFilter(null, new TransparencyPeriod(202601, 202612)));
        Assert.Equal(BsonDocument.Parse("""{ "month": { "$gte": 202601, "$lte": 202601 }, "host": "hub" }"""),
            MongoTransparencyCells.ReadFilter("hub", new TransparencyPeriod(202601, 202601)));
        Assert.All(MongoTransparencyCells.Indexes, i => Assert.True(i.Index.Options.Unique));
    }
}
