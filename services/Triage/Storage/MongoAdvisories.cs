using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

/// <summary>The advisories' indexes and filters on MongoDB, as SQLite's (public so their rendered shape is unit-tested).</summary>
public static class MongoAdvisories
{
    private static IndexKeysDefinitionBuilder<MongoAdvisoryDocument> Keys => Builders<MongoAdvisoryDocument>.IndexKeys;

    private static FilterDefinitionBuilder<MongoAdvisoryDocument> Filter => Builders<MongoAdvisoryDocument>.Filter;

    /// <summary>One advisory per report; a year's numbers unique (the id allocation's guard); the feed's order.</summary>
    public static IReadOnlyList<CreateIndexModel<MongoAdvisoryDocument>> Indexes { get; } =
    [
        new(Keys.Ascending(d => d.ReportId), new CreateIndexOptions { Name = "ix_advisories_report", Unique = true }),
        new(Keys.Ascending(d => d.Year).Ascending(d => d.Number), new CreateIndexOptions { Name = "ix_advisories_year_number", Unique = true }),
        new(Keys.Ascending(d => d.Modified).Ascending(d => d.Id), new CreateIndexOptions { Name = "ix_advisories_modified" }),
    ];

    /// <summary>Migration step 11: the collection (before any transaction inserts into it) and its indexes.</summary>
    public static async Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        await MongoStoreSetup.CreateCollectionsAsync(database, [MongoTriageStore.AdvisoriesCollection], cancellationToken);
        await MongoSteps.CreateIndexesAsync(database, MongoTriageStore.AdvisoriesCollection, Indexes, cancellationToken);
    }

    public static SortDefinition<MongoAdvisoryDocument> Order(bool oldestFirst) => oldestFirst
        ? Builders<MongoAdvisoryDocument>.Sort.Ascending(d => d.Modified).Ascending(d => d.Id)
        : Builders<MongoAdvisoryDocument>.Sort.Descending(d => d.Modified).Descending(d => d.Id);

    /// <summary>After (the change feed) or before <paramref name="position"/>, as SQLite's <c>(modified, id) &gt; ($at, $id)</c>.</summary>
    public static FilterDefinition<MongoAdvisoryDocument> From(AdvisoryCursor? position, bool changeFeed)
    {
        if (position is null)
        {
            return Filter.Empty;
        }

        var beyond = changeFeed ? Filter.Gt(d => d.Modified, position.Modified) : Filter.Lt(d => d.Modified, position.Modified);
        if (position.Id is null)
        {
            return beyond;
        }

        var tie = changeFeed ? Filter.Gt(d => d.Id, position.Id) : Filter.Lt(d => d.Id, position.Id);
        return beyond | (Filter.Eq(d => d.Modified, position.Modified) & tie);
    }
}
