using Microsoft.Data.Sqlite;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// A search in deadline order without sorting the matches. A deadline is the received time plus the SLA of
/// the severity, so among the reports of one severity the deadline order is the received order, the order
/// of the search table's key (<see cref="SearchKey"/>). The search walks the search table once per severity
/// (critical, high, medium, low, unassessed), each walk from the cursor's deadline less that severity's SLA,
/// and merges the walks as they stream: each walk advances only as far as the page's deadlines reach, so a
/// page visits about five times the matches received within the page's span, however common the words are.
/// </summary>
public static class SqliteDeadlineSearch
{
    /// <summary>Rows of <c>(doc, deadline)</c>, soonest deadline first, ties by id, at most <c>query.Limit + 1</c>.</summary>
    public static async Task<List<(string Doc, long Deadline)>> ListAsync(SqliteConnection connection, ReportQuery query, SlaOptions sla)
    {
        var walks = new List<(SqliteCommand Command, SqliteDataReader Reader)>();
        try
        {
            foreach (var (sql, parameters) in Walks(query, sla))
            {
                var command = connection.Command(sql, null, parameters);
                var reader = await command.ExecuteReaderAsync();
                walks.Add((command, reader));
                if (!await reader.ReadAsync())
                {
                    walks.RemoveAt(walks.Count - 1);
                    await reader.DisposeAsync();
                    await command.DisposeAsync();
                }
            }

            var rows = new List<(string Doc, long Deadline)>();
            while (rows.Count <= query.Limit && walks.Count > 0)
            {
                var next = 0;
                for (var i = 1; i < walks.Count; i++)
                {
                    if (Before(walks[i].Reader, walks[next].Reader))
                    {
                        next = i;
                    }
                }

                var (command, reader) = walks[next];
                rows.Add((reader.GetString(2), reader.GetInt64(0)));
                if (!await reader.ReadAsync())
                {
                    walks.RemoveAt(next);
                    await reader.DisposeAsync();
                    await command.DisposeAsync();
                }
            }

            return rows;
        }
        finally
        {
            foreach (var (command, reader) in walks)
            {
                await reader.DisposeAsync();
                await command.DisposeAsync();
            }
        }
    }

    private static bool Before(SqliteDataReader a, SqliteDataReader b)
    {
        var deadline = a.GetInt64(0).CompareTo(b.GetInt64(0));
        return deadline < 0 || (deadline == 0 && string.CompareOrdinal(a.GetString(1), b.GetString(1)) < 0);
    }

    /// <summary>One walk per severity (only the filtered one when the query names a severity), each in search-key order.</summary>
    public static IEnumerable<(string Sql, (string, object?)[] Parameters)> Walks(ReportQuery query, SlaOptions sla)
    {
        var match = SearchTerms.Fts5Match(query.Text) ?? throw new ArgumentException("A deadline search needs words.", nameof(query));
        IEnumerable<(string Condition, TimeSpan Sla)> severities = query.Severity is { } severity
            ? [("", sla.For(severity))]
            : [.. Severities.All.Select(s => ($"severity = '{s}'", sla.For(s))),
               ($"(severity IS NULL OR severity NOT IN ({string.Join(", ", Severities.All.Select(s => $"'{s}'"))}))", sla.Unassessed)];
        foreach (var (condition, severitySla) in severities)
        {
            var (where, parameters) = SqliteQueueSql.Filters(query with { Text = null }, withStatus: true);
            where.Insert(0, "reports_fts MATCH $match");
            parameters.Add(("$match", match));
            if (condition.Length > 0)
            {
                where.Add(condition);
            }

            var shift = (long)severitySla.TotalMilliseconds;
            if (query.After is { } after)
            {
                // Received at or after the cursor's deadline less the SLA: the walk starts there; the row
                // comparison then drops what is at or before the cursor itself.
                where.Add("reports_fts.rowid >= $from AND (deadline, id) > ($afterAt, $afterId)");
                parameters.Add(("$from", SearchKey.Start(after.Position.ToUnixMs() - shift)));
                parameters.Add(("$afterAt", after.Position.ToUnixMs()));
                parameters.Add(("$afterId", after.Id.ToString()));
            }

            if (query.OverdueAt is { } now)
            {
                // Overdue means a deadline before now: the walk ends at reports received by now less the SLA.
                where.Add("reports_fts.rowid < $to");
                parameters.Add(("$to", SearchKey.Start(now.ToUnixMs() - shift + 1)));
            }

            // CROSS JOIN keeps the search table the outer loop, so its key order is the walk's order.
            yield return ("SELECT reports.deadline, reports.id, reports.doc FROM reports_fts CROSS JOIN reports ON reports.search_rowid = reports_fts.rowid"
                + $" WHERE {string.Join(" AND ", where)} ORDER BY reports_fts.rowid", [.. parameters]);
        }
    }
}
