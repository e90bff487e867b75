namespace SafetyReports.Triage.Storage;

/// <summary>
/// Counts of reports per (status, category, severity, host, assignee), kept by triggers on <c>reports</c> (migration 1,
/// <see cref="SqliteTriageBaseline"/>), so every write (an intake, an edit, a bulk load) changes them in its own
/// transaction: a new report adds one, a change of any of the five moves one from its old key to its new one. Counts per status without a
/// filter, or with only category, severity, host and assignee filters, sum a few thousand rows instead of
/// counting a million index entries. A missing severity or assignee is stored as <c>''</c> (the key must not be NULL).
/// </summary>
internal static class SqliteReportCounters
{
    /// <summary>Recounts from the rows: once, when a file from before the counters is opened.</summary>
    public const string Backfill = """
        DELETE FROM report_counts;
        INSERT INTO report_counts (status, category, severity, model_host, assignee, n)
            SELECT status, category, coalesce(severity, ''), model_host, coalesce(assignee, ''), count(*) FROM reports
            GROUP BY status, category, coalesce(severity, ''), model_host, coalesce(assignee, '');
        """;

    /// <summary>Whether the counters answer <paramref name="query"/> exactly: no search, model id, overdue or contested filter.</summary>
    public static bool Answer(ReportQuery query) =>
        SearchTerms.Words(query.Text).Count == 0 && query.ModelId is null && query.OverdueAt is null && !query.Contested;

    public static (string Sql, (string, object?)[] Parameters) Counts(ReportQuery query)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        foreach (var (column, name, value) in new[]
                 {
                     ("category", "$category", query.Category), ("severity", "$severity", query.Severity),
                     ("model_host", "$host", query.ModelHost), ("assignee", "$assignee", query.Assignee),
                 })
        {
            if (value is not null)
            {
                where.Add($"{column} = {name}");
                parameters.Add((name, value));
            }
        }

        var filter = where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "";
        return ($"SELECT status, sum(n) FROM report_counts{filter} GROUP BY status", [.. parameters]);
    }
}
