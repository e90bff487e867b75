using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

/// <summary>The filters and sorts the MongoDB triage store queries with, public so their rendered shape is unit-tested.</summary>
public static class MongoTriageFilters
{
    private static FilterDefinitionBuilder<MongoReportDocument> Reports => Builders<MongoReportDocument>.Filter;

    /// <summary>Newest first, ties by id: the order SQLite lists in (<c>received_at DESC, id DESC</c>).</summary>
    public static SortDefinition<MongoReportDocument> NewestFirst { get; } =
        Builders<MongoReportDocument>.Sort.Descending(d => d.ReceivedAt).Descending(d => d.Id);

    public static SortDefinition<MongoReportDocument> OldestFirst { get; } =
        Builders<MongoReportDocument>.Sort.Ascending(d => d.ReceivedAt).Ascending(d => d.Id);

    /// <summary>A report's evidence files other than <paramref name="kept"/>: those a redaction removed.</summary>
    public static FilterDefinition<MongoEvidenceFileDocument> EvidenceFilesNotKept(Guid reportId, IEnumerable<Guid> kept) =>
        Builders<MongoEvidenceFileDocument>.Filter.Eq(d => d.ReportId, reportId) & Builders<MongoEvidenceFileDocument>.Filter.Nin(d => d.Id, kept);

    /// <summary>Closed reports with contact, closed before <paramref name="before"/> (SQLite: <c>contact_closed_at &lt; before</c>).</summary>
    public static FilterDefinition<MongoReportDocument> ContactPurgeDue(DateTimeOffset before) =>
        Reports.Lt(d => d.ContactClosedAt, before);

    public static FilterDefinition<MongoReportDocument> UnansweredSince(DateTimeOffset before, DisclosureCursor? after) =>
        after is null
            ? Reports.Lt(d => d.UnansweredSince, before)
            : Reports.Lt(d => d.UnansweredSince, before)
              & (Reports.Gt(d => d.UnansweredSince, after.At) | (Reports.Eq(d => d.UnansweredSince, after.At) & Reports.Gt(d => d.Id, after.Id)));

    public static FilterDefinition<MongoReportDocument> Disclosed(DisclosureCursor? after) =>
        after is null
            ? Reports.Ne(d => d.DisclosedAt, null)
            : Reports.Lt(d => d.DisclosedAt, after.At) | (Reports.Eq(d => d.DisclosedAt, after.At) & Reports.Lt(d => d.Id, after.Id));

    public static FilterDefinition<MongoReportDocument> ClosedWithoutCloseTime { get; } =
        Reports.In(d => d.Status, ContactRetention.ClosedStatuses) & Reports.Eq(d => d.ClosedAt, null);

    public static SortDefinition<MongoReportDocument> LongestClosedFirst { get; } =
        Builders<MongoReportDocument>.Sort.Ascending(d => d.ContactClosedAt);

    public static SortDefinition<MongoReportDocument> SoonestDeadlineFirst { get; } =
        Builders<MongoReportDocument>.Sort.Ascending(d => d.Deadline).Ascending(d => d.Id);

    public static SortDefinition<MongoReportDocument> Order(ReportSort sort) => sort switch
    {
        ReportSort.Oldest => OldestFirst,
        ReportSort.Deadline => SoonestDeadlineFirst,
        _ => NewestFirst,
    };

    /// <summary>The queue's filters and cursor; only the fields set in <paramref name="query"/> take part.</summary>
    public static FilterDefinition<MongoReportDocument> List(ReportQuery query)
    {
        var filters = Matching(query, withStatus: true);
        if (query.After is { } after)
        {
            filters.Add(After(query.Sort, after));
        }

        return filters.Count == 0 ? Reports.Empty : Reports.And(filters);
    }

    /// <summary>The filters counts per status use: the queue's, without status and cursor.</summary>
    public static FilterDefinition<MongoReportDocument> CountsOf(ReportQuery query)
    {
        var filters = Matching(query, withStatus: false);
        return filters.Count == 0 ? Reports.Empty : Reports.And(filters);
    }

    private static List<FilterDefinition<MongoReportDocument>> Matching(ReportQuery query, bool withStatus)
    {
        var filters = new List<FilterDefinition<MongoReportDocument>>();
        void Equal(System.Linq.Expressions.Expression<Func<MongoReportDocument, string?>> field, string? value)
        {
            if (value is not null)
            {
                filters.Add(Reports.Eq(field, value));
            }
        }

        if (withStatus)
        {
            Equal(d => d.Status, query.Status);
            if (query.Open)
            {
                // On ix_reports_status_received/_deadline the planner merges one index range per status in the sort's order.
                filters.Add(Reports.In(d => d.Status, Domain.OpenReports.Statuses));
            }
        }

        Equal(d => d.Category, query.Category);
        Equal(d => d.Severity, query.Severity);
        Equal(d => d.Model.Host, query.ModelHost);
        Equal(d => d.Model.ModelId, query.ModelId);
        Equal(d => d.Assignee, query.Assignee);
        if (SearchTerms.MongoSearch(query.Text) is { } search)
        {
            filters.Add(Text(search));
        }

        if (query.Contested)
        {
            // The partial indexes ix_reports_contested_* hold exactly the documents this matches.
            filters.Add(Reports.Eq(d => d.ContestOpen, true));
        }

        if (query.OverdueAt is { } now)
        {
            filters.Add(Reports.In(d => d.Status, Domain.SlaPolicy.OpenStatuses) & Reports.Lt(d => d.Deadline, now));
        }

        return filters;
    }

    /// <summary>Full-text search on the text index: quoted words, all required; no language, so no stemming or stop words.</summary>
    public static FilterDefinition<MongoReportDocument> Text(string search) =>
        Reports.Text(search, new TextSearchOptions { Language = "none", CaseSensitive = false, DiacriticSensitive = false });

    private static FilterDefinition<MongoReportDocument> After(ReportSort sort, ReportCursor after) => sort switch
    {
        ReportSort.Oldest => Reports.Or(
            Reports.Gt(d => d.ReceivedAt, after.Position),
            Reports.And(Reports.Eq(d => d.ReceivedAt, after.Position), Reports.Gt(d => d.Id, after.Id))),
        ReportSort.Deadline => Reports.Or(
            Reports.Gt(d => d.Deadline, after.Position),
            Reports.And(Reports.Eq(d => d.Deadline, after.Position), Reports.Gt(d => d.Id, after.Id))),
        _ => Reports.Or(
            Reports.Lt(d => d.ReceivedAt, after.Position),
            Reports.And(Reports.Eq(d => d.ReceivedAt, after.Position), Reports.Lt(d => d.Id, after.Id))),
    };

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

    /// <summary>Audit entries appended before the transparency log, without their leaf.</summary>
    public static FilterDefinition<MongoAuditEntryDocument> WithoutLeaf { get; } =
        Builders<MongoAuditEntryDocument>.Filter.Exists(d => d.Leaf, false);

    public static FilterDefinition<MongoAuditEntryDocument> AuditEntryWithoutLeaf(long sequence) =>
        Builders<MongoAuditEntryDocument>.Filter.Eq(d => d.Sequence, sequence) & WithoutLeaf;

    public static SortDefinition<MongoAuditEntryDocument> ChainOrder { get; } =
        Builders<MongoAuditEntryDocument>.Sort.Ascending(d => d.Sequence);
}
