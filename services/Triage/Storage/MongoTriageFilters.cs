using MongoDB.Bson;
using MongoDB.Driver;

namespace SafetyReports.Triage.Storage;

/// <summary>The filters and sorts the MongoDB triage store queries with, public so their rendered shape is unit-tested.</summary>
public static class MongoTriageFilters
{
    private static FilterDefinitionBuilder<MongoReportDocument> Reports => Builders<MongoReportDocument>.Filter;

    /// <summary>Newest first, ties by id: the order SQLite lists in (<c>received_at DESC, id DESC</c>).</summary>
    public static SortDefinition<MongoReportDocument> NewestFirst { get; } =
        Builders<MongoReportDocument>.Sort.Descending(d => d.ReceivedAt).Descending(d => d.Id);

    /// <summary>The queue's filters; only the fields set in <paramref name="query"/> take part.</summary>
    public static FilterDefinition<MongoReportDocument> List(ReportQuery query)
    {
        var filters = new List<FilterDefinition<MongoReportDocument>>();
        void Equal(System.Linq.Expressions.Expression<Func<MongoReportDocument, string?>> field, string? value)
        {
            if (value is not null)
            {
                filters.Add(Reports.Eq(field, value));
            }
        }

        Equal(d => d.Status, query.Status);
        Equal(d => d.Category, query.Category);
        Equal(d => d.Severity, query.Severity);
        Equal(d => d.Model.Host, query.ModelHost);
        Equal(d => d.Model.ModelId, query.ModelId);
        Equal(d => d.Assignee, query.Assignee);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            filters.Add(Contains(query.Text));
        }

        if (query.After is { } after)
        {
            filters.Add(Reports.Or(
                Reports.Lt(d => d.ReceivedAt, after.ReceivedAt),
                Reports.And(Reports.Eq(d => d.ReceivedAt, after.ReceivedAt), Reports.Lt(d => d.Id, after.Id))));
        }

        return filters.Count == 0 ? Reports.Empty : Reports.And(filters);
    }

    /// <summary>
    /// Substring search in the lower-cased search text, exactly as SQLite's <c>instr(search_text, lower(text)) &gt; 0</c>:
    /// no regular expression, so no character of the query has a special meaning, and <c>$literal</c> keeps a
    /// query that starts with <c>$</c> from being read as a field path.
    /// </summary>
    public static FilterDefinition<MongoReportDocument> Contains(string text) =>
        new BsonDocumentFilterDefinition<MongoReportDocument>(new BsonDocument(
            "$expr",
            new BsonDocument("$gte", new BsonArray
            {
                new BsonDocument("$indexOfCP", new BsonArray
                {
                    "$searchText",
                    new BsonDocument("$literal", text.ToLowerInvariant()),
                }),
                0,
            })));

    /// <summary>Optimistic concurrency: the report, only while it is still at <paramref name="expectedVersion"/>.</summary>
    public static FilterDefinition<MongoReportDocument> AtVersion(Guid id, long expectedVersion) =>
        Reports.Eq(d => d.Id, id) & Reports.Eq(d => d.Version, expectedVersion);

    /// <summary>Compare-and-swap on the chain head: matches only while the head is the one this append read.</summary>
    public static FilterDefinition<MongoAuditHeadDocument> HeadUnchanged(MongoAuditHeadDocument head) =>
        Builders<MongoAuditHeadDocument>.Filter.Eq(d => d.Id, head.Id)
        & Builders<MongoAuditHeadDocument>.Filter.Eq(d => d.Sequence, head.Sequence)
        & Builders<MongoAuditHeadDocument>.Filter.Eq(d => d.Hash, head.Hash);

    public static FilterDefinition<MongoAuditEntryDocument> AuditOf(Guid reportId) =>
        Builders<MongoAuditEntryDocument>.Filter.Eq(d => d.ReportId, reportId);

    public static FilterDefinition<MongoAuditEntryDocument> AuditAfter(long sequence) =>
        Builders<MongoAuditEntryDocument>.Filter.Gt(d => d.Sequence, sequence);

    public static SortDefinition<MongoAuditEntryDocument> ChainOrder { get; } =
        Builders<MongoAuditEntryDocument>.Sort.Ascending(d => d.Sequence);
}
