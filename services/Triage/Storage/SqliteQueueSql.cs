using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// The queue's SQL on SQLite. Each equality filter and each order has an index (see
/// <see cref="SqliteTriageSchema"/>); the cursor is a row-value comparison on the order's columns, so a
/// deep page is an index seek, not an offset.
/// </summary>
public static class SqliteQueueSql
{
    /// <summary>
    /// The page's rows <c>(doc, deadline)</c>. A search in deadline order here fetches every match and sorts
    /// them; the store walks instead (<see cref="SqliteDeadlineSearch"/>), and the tests hold the two equal.
    /// </summary>
    public static (string Sql, (string, object?)[] Parameters) List(ReportQuery query)
    {
        if (query.Sort != ReportSort.Deadline && SearchTerms.Fts5Match(query.Text) is { } match)
        {
            return SearchInReceivedOrder(query, match);
        }

        if (query is { Open: true, Status: null, OverdueAt: null, Contested: false })
        {
            return OpenInOrder(query);
        }

        var (where, parameters) = Filters(query, withStatus: true);
        var (column, direction, comparison) = Order(query.Sort);
        AddCursor(query, column, comparison, where, parameters);
        parameters.Add(("$limit", query.Limit + 1));
        var indexedBy = query.OverdueAt is not null || query.Contested ? IndexedBy(query) : "";
        return ($"SELECT doc, deadline FROM reports{indexedBy}{Where(where)} ORDER BY {column} {direction}, id {direction} LIMIT $limit", [.. parameters]);
    }

    /// <summary>A row-value comparison on the order's columns: a deep page is an index seek.</summary>
    private static void AddCursor(ReportQuery query, string column, string comparison, List<string> where, List<(string, object?)> parameters)
    {
        if (query.After is { } after)
        {
            where.Add($"({column}, id) {comparison} ($afterAt, $afterId)");
            parameters.Add(("$afterAt", after.Position.ToUnixMs()));
            parameters.Add(("$afterId", after.Id.ToString()));
        }
    }

    private static (string Column, string Direction, string Comparison) Order(ReportSort sort) => sort switch
    {
        ReportSort.Oldest => ("received_at", "ASC", ">"),
        ReportSort.Deadline => ("deadline", "ASC", ">"),
        _ => ("received_at", "DESC", "<"),
    };

    /// <summary>
    /// <c>status=open</c>: <c>status IN (…six…)</c> in an order makes SQLite seek each status and sort all it finds (the
    /// whole open backlog). One walk per open status in the order asked for, on that status's index, merged: a compound
    /// SELECT with ORDER BY merges its arms as they stream, so a page reads at most a page per status.
    /// </summary>
    private static (string Sql, (string, object?)[] Parameters) OpenInOrder(ReportQuery query)
    {
        var (where, parameters) = Filters(query with { Open = false }, withStatus: false);
        var (column, direction, comparison) = Order(query.Sort);
        AddCursor(query, column, comparison, where, parameters);
        parameters.Add(("$limit", query.Limit + 1));
        var arms = OpenReports.Statuses.Select(status =>
            $"SELECT doc, deadline, received_at, id FROM reports{Where([$"status = '{status}'", .. where])}");
        return ($"{string.Join(" UNION ALL ", arms)} ORDER BY {column} {direction}, id {direction} LIMIT $limit", [.. parameters]);
    }

    /// <summary>
    /// A search in received order walks the search table by its key (<see cref="SearchKey"/>, in received
    /// order), newest or oldest first, and looks each match up in <c>reports</c> for the other filters: a
    /// common word fills a page after a few dozen matches, a rare one has few to walk. (Fetching every
    /// match and sorting would cost as many lookups as the word has reports.)
    /// </summary>
    private static (string Sql, (string, object?)[] Parameters) SearchInReceivedOrder(ReportQuery query, string match)
    {
        var (where, parameters) = Filters(query with { Text = null }, withStatus: true);
        where.Insert(0, "reports_fts MATCH $match");
        parameters.Add(("$match", match));
        var newest = query.Sort == ReportSort.Newest;
        if (query.After is { } after)
        {
            where.Add($"reports_fts.rowid {(newest ? "<" : ">")} $afterKey");
            parameters.Add(("$afterKey", SearchKey.For(after.Position, after.Id)));
        }

        parameters.Add(("$limit", query.Limit + 1));
        // CROSS JOIN keeps the search table the outer loop, so its key order is the result's order.
        return ("SELECT reports.doc, reports.deadline FROM reports_fts CROSS JOIN reports ON reports.search_rowid = reports_fts.rowid"
            + $"{Where(where)} ORDER BY reports_fts.rowid {(newest ? "DESC" : "ASC")} LIMIT $limit", [.. parameters]);
    }

    /// <summary>
    /// The overdue filter's <c>status IN (…)</c> tempts SQLite into seeking a status index three times and
    /// sorting what it finds (most of the open backlog): naming the index that walks in the requested order
    /// keeps it a walk that stops after one page. Other queries leave the choice to SQLite.
    /// </summary>
    private static string IndexedBy(ReportQuery query)
    {
        var order = query.Sort == ReportSort.Deadline ? "deadline" : "received";
        if (query.Contested)
        {
            // Few reports are contested at a time: their partial index is the shortest walk whatever else is asked.
            return $" INDEXED BY ix_reports_contested_{order}";
        }

        var filter = (query.Status, query.Assignee, query.ModelId, query.ModelHost, query.Category, query.Severity) switch
        {
            ({ }, _, _, _, _, _) => "status",
            (_, { }, _, _, _, _) => "assignee",
            (_, _, { }, _, _, _) => "model",
            (_, _, _, { }, _, _) => "host",
            (_, _, _, _, { }, _) => "category",
            (_, _, _, _, _, { }) => "severity",
            _ => null,
        };
        return filter is not null ? $" INDEXED BY ix_reports_{filter}_{order}"
            : query.Sort != ReportSort.Deadline ? " INDEXED BY ix_reports_received"
            : query.OverdueAt is not null ? " INDEXED BY ix_reports_overdue" : " INDEXED BY ix_reports_deadline";
    }

    /// <summary>
    /// Counts per status: from the counter table when it answers the filters exactly
    /// (<see cref="SqliteReportCounters"/>); with a search term, among the newest <c>query.CountCap</c>
    /// reports holding the words (rows: status, or NULL for a match the other filters drop; see
    /// <see cref="ReportCounts"/>); otherwise counted from an index.
    /// </summary>
    public static (string Sql, (string, object?)[] Parameters) Counts(ReportQuery query)
    {
        if (SqliteReportCounters.Answer(query))
        {
            return SqliteReportCounters.Counts(query);
        }

        if (SearchTerms.Fts5Match(query.Text) is { } match)
        {
            // The newest matches of the words, at most the cap; a row the other filters drop is counted with a NULL status.
            var (filters, searchParameters) = Filters(query with { Text = null }, withStatus: false);
            searchParameters.Add(("$match", match));
            searchParameters.Add(("$cap", query.CountCap));
            var kept = filters.Count > 0 ? $"CASE WHEN {string.Join(" AND ", filters)} THEN status END" : "status";
            return ($"SELECT {kept}, count(*) FROM (SELECT rowid FROM reports_fts WHERE reports_fts MATCH $match ORDER BY rowid DESC LIMIT $cap) AS matches"
                + " CROSS JOIN reports ON reports.search_rowid = matches.rowid GROUP BY 1", [.. searchParameters]);
        }

        var (where, parameters) = Filters(query, withStatus: false);
        return ($"SELECT status, count(*) FROM reports{Where(where)} GROUP BY status", [.. parameters]);
    }

    internal static (List<string> Where, List<(string, object?)> Parameters) Filters(ReportQuery query, bool withStatus)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        void Equal(string column, string name, string? value)
        {
            if (value is not null)
            {
                where.Add($"{column} = {name}");
                parameters.Add((name, value));
            }
        }

        if (withStatus)
        {
            Equal("status", "$status", query.Status);
            if (query.Open)
            {
                where.Add($"status IN ({string.Join(", ", OpenReports.Statuses.Select(s => $"'{s}'"))})");
            }
        }

        Equal("category", "$category", query.Category);
        Equal("severity", "$severity", query.Severity);
        Equal("model_host", "$host", query.ModelHost);
        Equal("model_id", "$model", query.ModelId);
        Equal("assignee", "$assignee", query.Assignee);
        if (SearchTerms.Fts5Match(query.Text) is { } match)
        {
            where.Add("search_rowid IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH $match)");
            parameters.Add(("$match", match));
        }

        if (query.Contested)
        {
            // Spelled as the partial indexes' WHERE, so SQLite can use ix_reports_contested_*.
            where.Add("contest_open = 1");
        }

        if (query.OverdueAt is { } now)
        {
            // Spelled as the partial index's WHERE, so SQLite can use ix_reports_overdue.
            where.Add($"status IN ({string.Join(", ", SlaPolicy.OpenStatuses.Select(s => $"'{s}'"))}) AND deadline < $now");
            parameters.Add(("$now", now.ToUnixMs()));
        }

        return (where, parameters);
    }

    private static string Where(List<string> where) => where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "";
}

