using MongoDB.Bson;
using SafetyReports.Triage.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Storage;

public sealed class MongoTriageFilterTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void A_query_with_every_field_set_renders_each_filter_the_search_and_the_cursor()
    {
        var after = new ReportCursor(At, Guid.NewGuid());
        var query = new ReportQuery("triaging", "privacy", "high", "huggingface", "org/model", "Leaks $Addresses.*", "ana", after, 25);

        var rendered = Render(MongoTriageFilters.List(query));

        Assert.Equal(
            new BsonDocument
            {
                { "status", "triaging" },
                { "category", "privacy" },
                { "severity", "high" },
                { "model.host", "huggingface" },
                { "model.id", "org/model" },
                { "assignee", "ana" },
                { "$expr", Contains("leaks $addresses.*") },
                {
                    "$or", new BsonArray
                    {
                        new BsonDocument("receivedAt", new BsonDocument("$lt", Date(At))),
                        new BsonDocument { { "receivedAt", Date(At) }, { "_id", new BsonDocument("$lt", Uuid(after.Id)) } },
                    }
                },
            },
            rendered);
    }

    [Fact]
    public void An_empty_query_matches_everything_and_blank_text_does_not_filter()
    {
        Assert.Equal(new BsonDocument(), Render(MongoTriageFilters.List(new ReportQuery())));
        Assert.Equal(new BsonDocument(), Render(MongoTriageFilters.List(new ReportQuery(Text: "  "))));
        Assert.Equal(new BsonDocument("severity", "low"), Render(MongoTriageFilters.List(new ReportQuery(Severity: "low"))));
    }

    [Fact]
    public void The_search_is_a_literal_substring_test_not_a_pattern_or_a_field_path()
    {
        Assert.Equal(new BsonDocument("$expr", Contains("$title")), Render(MongoTriageFilters.Contains("$TITLE")));
    }

    [Fact]
    public void The_queue_is_sorted_newest_first_with_the_id_breaking_ties()
    {
        Assert.Equal(new BsonDocument { { "receivedAt", -1 }, { "_id", -1 } }, Render(MongoTriageFilters.NewestFirst));
    }

    [Fact]
    public void An_update_matches_only_the_expected_version()
    {
        var id = Guid.NewGuid();
        Assert.Equal(new BsonDocument { { "_id", Uuid(id) }, { "version", 4L } }, Render(MongoTriageFilters.AtVersion(id, 4)));
    }

    [Fact]
    public void Moving_the_audit_head_is_a_compare_and_swap_on_its_sequence_and_hash()
    {
        var head = new MongoAuditHeadDocument { Sequence = 41, Hash = new string('f', 64) };
        Assert.Equal(
            new BsonDocument { { "_id", "audit" }, { "sequence", 41L }, { "hash", new string('f', 64) } },
            Render(MongoTriageFilters.HeadUnchanged(head)));
    }

    [Fact]
    public void The_chain_is_read_by_sequence()
    {
        var reportId = Guid.NewGuid();
        Assert.Equal(new BsonDocument("_id", new BsonDocument("$gt", 10L)), Render(MongoTriageFilters.AuditAfter(10)));
        Assert.Equal(new BsonDocument("reportId", Uuid(reportId)), Render(MongoTriageFilters.AuditOf(reportId)));
        Assert.Equal(new BsonDocument("_id", 1), Render(MongoTriageFilters.ChainOrder));
    }

    [Fact]
    public void Lookups_by_id_use_the_uuid_and_the_chain_ids()
    {
        var id = Guid.NewGuid();
        Assert.Equal(new BsonDocument("_id", Uuid(id)), Render(MongoDB.Driver.Builders<MongoReportDocument>.Filter.Where(d => d.Id == id)));
        Assert.Equal(new BsonDocument("_id", "audit"),
            Render(MongoDB.Driver.Builders<MongoAuditHeadDocument>.Filter.Where(h => h.Id == MongoAuditHeadDocument.ChainId)));
    }

    private static BsonDocument Contains(string lowerCased) =>
        new("$gte", new BsonArray
        {
            new BsonDocument("$indexOfCP", new BsonArray { "$searchText", new BsonDocument("$literal", lowerCased) }),
            0,
        });
}
