using MongoDB.Bson;
using SafetyReports.Triage.Storage;
using SafetyReports.Triage.Transparency;
using static SafetyReports.UnitTests.Storage.MongoRendering;

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

    [Fact]
    public void Reports_to_recount_are_those_kept_under_other_rules_or_keeping_none_walked_in_id_order()
    {
        Assert.Equal(BsonDocument.Parse("""{ "transparency.fp": { "$ne": "2:259200000" } }"""),
            Render(MongoTransparencyCells.NotCountedUnder("2:259200000", null)));
        var after = Guid.NewGuid();
        var rendered = Render(MongoTransparencyCells.NotCountedUnder("2:259200000", after));
        Assert.Equal(new BsonDocument("$gt", Uuid(after)), rendered["_id"]);
        Assert.Equal(new BsonDocument("$ne", "2:259200000"), rendered["transparency.fp"]);
    }

    [Fact]
    public void A_report_keeps_its_contribution_and_the_rules_it_was_computed_under_on_its_document()
    {
        var contribution = new TransparencyContribution("hub", "org/m", 202603, [1, 5, 9]);
        var document = new MongoReportDocument
        {
            Id = Guid.NewGuid(),
            Transparency = MongoTransparencyContributionDocument.From(contribution, new TransparencyOptions().CellsFingerprint),
        };

        var (bson, back) = RoundTrip(document);

        Assert.Equal(
            new BsonDocument { { "fp", new TransparencyOptions().CellsFingerprint }, { "host", "hub" }, { "model", "org/m" }, { "month", 202603 }, { "keys", new BsonArray { 1, 5, 9 } } },
            bson["transparency"]);
        Assert.True(contribution.SameAs(back.Transparency!.ToContribution()));
        // A report that keeps none has no field at all: the recount's filter (fp not the current one) finds it.
        Assert.False(new MongoReportDocument { Id = Guid.NewGuid() }.ToBsonDocument().Contains("transparency"));
    }

    [Fact]
    public void The_cells_start_afresh_beside_the_former_ones_which_kept_no_contributions_on_the_reports()
    {
        Assert.Empty(MongoTransparencyCells.FormerCollections.Intersect([MongoTransparencyCells.HostsCollection, MongoTransparencyCells.ModelsCollection]));
    }
}
