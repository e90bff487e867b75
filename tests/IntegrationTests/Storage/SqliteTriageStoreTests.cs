using System.Text.Json;
using Microsoft.Data.Sqlite;
using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>What only the SQLite adapter does: upgrading older files, the counter table, the deadline search's walks, and index walks for every filter and order.</summary>
public sealed class SqliteTriageStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly TempSqliteFile _file = new(TriageStoreFactory.SqliteFileName);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _file.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_search_in_deadline_order_merges_one_walk_per_severity_into_the_sorted_pages(bool sharedSla)
    {
        // With a shared SLA, two severities' walks hold equal deadlines, so only the id can order them.
        var sla = sharedSla ? new SlaOptions { High = TimeSpan.FromDays(3), Unassessed = TimeSpan.FromDays(3) } : new SlaOptions();
        var store = new SqliteTriageStore(_file.Path, sla);
        string?[] severities = ["critical", "high", "medium", "low", null];
        var reports = Enumerable.Range(0, 60).Select(i => NewReport(Start.AddMinutes(i / 4 * 90), i % 3 == 0 ? "needle in hay" : "hay only") with
        {
            Severity = severities[i % 5],
            Status = i % 2 == 0 ? ReportStatuses.Received : ReportStatuses.Triaging,
        }).ToList();
        foreach (var report in reports)
        {
            await store.AddReportAsync(report, Received(report), [], Ct);
        }

        using var connection = _file.Open();
        foreach (var query in new[]
                 {
                     new ReportQuery(Text: "needle hay"), new ReportQuery(Text: "hay", Status: ReportStatuses.Received),
                     new ReportQuery(Text: "hay", Severity: "low"), new ReportQuery(Text: "hay", OverdueAt: Start.AddHours(30)),
                 })
        {
            ReportCursor? cursor = null;
            var seen = new List<Guid>();
            do
            {
                var page = query with { Sort = ReportSort.Deadline, Limit = 3, After = cursor };
                var sorted = Ids(connection, SqliteQueueSql.List(page));
                var stored = await store.ListReportsAsync(page, Ct);
                Assert.Equal(sorted.Take(3), stored.Items.Select(r => r.Id));
                Assert.Equal(sorted.Count > 3, stored.Next is not null);
                seen.AddRange(sorted.Take(3));
                cursor = stored.Next;
            }
            while (cursor is not null);

            Assert.Equal(seen.Distinct().Count(), seen.Count);
            var counts = await store.CountReportsAsync(query, Ct);
            Assert.Equal(query.Status is null ? counts.Total : counts.Counts[query.Status], seen.Count);
        }
    }

    [Fact]
    public async Task The_counter_table_equals_a_count_of_the_rows_after_adds_updates_and_bulk_loads()
    {
        var store = new SqliteTriageStore(_file.Path);
        var report = NewReport(Start, "one") with { Assignee = "ana" };
        await store.AddReportAsync(report, Received(report), [], Ct);
        await store.UpdateReportAsync(report with { Status = ReportStatuses.Triaging, Severity = null, Assignee = null, Version = 2 }, 1, Received(report), [], Ct);
        await store.BulkLoadAsync(Enumerable.Range(1, 30).Select(i => NewReport(Start.AddMinutes(i), "bulk") with
        {
            Category = i % 3 == 0 ? "hate" : "privacy",
            Severity = i % 4 == 0 ? null : "high",
            Assignee = i % 5 == 0 ? "bo" : null,
        }), Ct);

        using var connection = _file.Open();
        const string Rows = """
            SELECT status, category, coalesce(severity, ''), model_host, coalesce(assignee, ''), count(*) FROM reports
            GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            """;
        Assert.Equal(CounterRows(connection, Rows), CounterRows(connection, "SELECT status, category, severity, model_host, assignee, n FROM report_counts WHERE n > 0 ORDER BY 1, 2, 3, 4, 5"));
        Assert.Equal(31, (await store.CountReportsAsync(new ReportQuery(), Ct)).Total);
    }

    private static List<string> CounterRows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
        }

        return rows;
    }

    [Fact]
    public async Task Words_match_whole()
    {
        var store = new SqliteTriageStore(_file.Path);
        var report = NewReport(Start, "Jailbreak prompt works");
        await store.AddReportAsync(report, Received(report), [], Ct);

        Assert.Single((await store.ListReportsAsync(new ReportQuery(Text: "works jailbreak"), Ct)).Items);
        Assert.Empty((await store.ListReportsAsync(new ReportQuery(Text: "jailbr"), Ct)).Items);
    }

    [Fact]
    public async Task A_status_change_leaves_the_search_index_alone_and_the_report_found_by_its_words()
    {
        var store = new SqliteTriageStore(_file.Path);
        var report = NewReport(Start, "Jailbreak prompt works");
        await store.AddReportAsync(report, Received(report), [], Ct);
        var segments = SearchIndexRows();

        Assert.True(await store.UpdateReportAsync(report with { Status = ReportStatuses.Triaging, Version = 2 }, 1, Received(report), [], Ct));
        Assert.True(await store.UpdateReportAsync(report with { Status = ReportStatuses.Triaged, Version = 3 }, 2, Received(report), [], Ct));

        // Deleting and re-adding the words would have written new segments (and tombstones) to the index.
        Assert.Equal(segments, SearchIndexRows());
        Assert.Single((await store.ListReportsAsync(new ReportQuery(Text: "works jailbreak"), Ct)).Items);
    }

    [Fact]
    public async Task A_changed_title_is_searched_by_its_new_words_only()
    {
        var store = new SqliteTriageStore(_file.Path);
        var report = NewReport(Start, "Jailbreak prompt works");
        await store.AddReportAsync(report, Received(report), [], Ct);

        Assert.True(await store.UpdateReportAsync(report with { Title = "Refusal bypassed", Version = 2 }, 1, Received(report), [], Ct));

        Assert.Empty((await store.ListReportsAsync(new ReportQuery(Text: "jailbreak"), Ct)).Items);
        Assert.Single((await store.ListReportsAsync(new ReportQuery(Text: "refusal bypassed"), Ct)).Items);
    }

    /// <summary>The rows of the full-text index's own storage (its segments and structure record).</summary>
    private string SearchIndexRows()
    {
        using var connection = _file.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(id || ':' || length(block), ',') FROM (SELECT id, block FROM reports_fts_data ORDER BY id)";
        return Convert.ToString(command.ExecuteScalar())!;
    }

    private static List<Guid> Ids(SqliteConnection connection, (string Sql, (string, object?)[] Parameters) query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = query.Sql;
        foreach (var (name, value) in query.Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using var reader = command.ExecuteReader();
        var ids = new List<Guid>();
        while (reader.Read())
        {
            ids.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.GetProperty("id").GetGuid());
        }

        return ids;
    }

    [Fact]
    public async Task A_file_from_before_search_and_deadlines_is_upgraded_and_backfilled_at_start()
    {
        var old = NewReport(Start, "Old leak") with { Severity = "critical", Evidence = [new EvidenceItem("output", "secret recipe")] };
        using (var connection = _file.Open())
        {
            Execute(connection, OldSchema);
            Execute(connection, """
                INSERT INTO reports (id, status, category, severity, model_host, model_id, assignee, received_at, version, search_text, doc)
                VALUES ($id, 'received', 'privacy', 'critical', 'huggingface', 'org/model', NULL, $received, 1, 'old leak', $doc)
                """, ("$id", old.Id.ToString()), ("$received", Start.ToUnixTimeMilliseconds()),
                ("$doc", JsonSerializer.Serialize(old, new JsonSerializerOptions(JsonSerializerDefaults.Web))));
        }

        var store = new SqliteTriageStore(_file.Path);
        Assert.Equal([old.Id], (await store.ListReportsAsync(new ReportQuery(Text: "secret recipe"), Ct)).Items.Select(r => r.Id));
        var overdue = await store.ListReportsAsync(new ReportQuery(OverdueAt: Start.AddHours(5), Sort: ReportSort.Deadline), Ct);
        Assert.Equal([old.Id], overdue.Items.Select(r => r.Id));

        var added = NewReport(Start.AddMinutes(1), "New leak");
        Assert.True(await store.AddReportAsync(added, Received(added), [], Ct));
        Assert.Equal([added.Id, old.Id], (await store.ListReportsAsync(new ReportQuery(Text: "leak"), Ct)).Items.Select(r => r.Id));

        // Starting again changes nothing.
        var again = new SqliteTriageStore(_file.Path);
        Assert.Equal([added.Id, old.Id], (await again.ListReportsAsync(new ReportQuery(Text: "leak"), Ct)).Items.Select(r => r.Id));
        Assert.Equal(2, (await again.CountReportsAsync(new ReportQuery(Text: "leak"), Ct)).Total);
        // The counters were filled from the old rows, then kept by the add.
        var counts = await again.CountReportsAsync(new ReportQuery(Category: "privacy"), Ct);
        Assert.Equal((2L, 2L), (counts.Total, counts.Counts[ReportStatuses.Received]));
        Assert.Equal(1, (await again.CountReportsAsync(new ReportQuery(Severity: "critical"), Ct)).Total);
    }

    [Fact]
    public async Task Closed_reports_from_before_close_times_get_one_from_their_audit_entries_at_start_and_become_purgeable()
    {
        var rejected = NewReport(Start, "Rejected long ago") with { Status = ReportStatuses.Rejected, ProtectedContact = "sealed", UpdatedAt = Start.AddDays(3) };
        var resolved = NewReport(Start, "Resolved, no entries") with { Status = ReportStatuses.Resolved, ProtectedContact = "sealed", UpdatedAt = Start.AddDays(5) };
        var rejectedAt = Start.AddDays(2);
        using (var connection = _file.Open())
        {
            Execute(connection, OldSchema);
            Execute(connection, "CREATE TABLE audit (seq INTEGER PRIMARY KEY, report_id TEXT NOT NULL, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, data TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)");
            var entries = new[] { (1, Start.AddDays(1), """{"from":"received","to":"rejected"}"""), (2, Start.AddDays(1.5), """{"from":"rejected","to":"triaging"}"""), (3, rejectedAt, """{"from":"triaging","to":"rejected"}""") };
            foreach (var (seq, at, data) in entries)
            {
                Execute(connection, "INSERT INTO audit VALUES ($seq, $id, $at, 'ana', 'transition', $data, 'p', 'h')",
                    ("$seq", seq), ("$id", rejected.Id.ToString()), ("$at", at.ToUnixTimeMilliseconds()), ("$data", data));
            }

            foreach (var report in new[] { rejected, resolved })
            {
                Execute(connection, """
                    INSERT INTO reports (id, status, category, severity, model_host, model_id, assignee, received_at, version, search_text, doc)
                    VALUES ($id, $status, 'privacy', NULL, 'huggingface', 'org/model', NULL, $received, 1, 'old', $doc)
                    """, ("$id", report.Id.ToString()), ("$status", report.Status), ("$received", Start.ToUnixTimeMilliseconds()),
                    ("$doc", JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web))));
            }
        }

        var store = new SqliteTriageStore(_file.Path);
        Assert.Equal(rejectedAt, (await store.GetReportAsync(rejected.Id, Ct))!.ClosedAt);
        Assert.Equal(resolved.UpdatedAt, (await store.GetReportAsync(resolved.Id, Ct))!.ClosedAt);
        Assert.Equal([rejected.Id], await store.ContactPurgeDueAsync(Start.AddDays(4), 10, Ct));
        Assert.Equal([rejected.Id, resolved.Id], await store.ContactPurgeDueAsync(Start.AddDays(6), 10, Ct));

        // Changed at start, so a newer version: a writer that read the report before cannot put it back without its close time.
        var backfilled = (await store.GetReportAsync(rejected.Id, Ct))!;
        Assert.True(backfilled.Version > rejected.Version);
        Assert.False(await store.UpdateReportAsync(rejected with { Title = "Stale", Version = rejected.Version + 1 }, rejected.Version, Received(rejected), [], Ct));
        Assert.Equal(rejectedAt, (await store.GetReportAsync(rejected.Id, Ct))!.ClosedAt);
    }

    [Fact]
    public async Task A_file_from_before_contests_gets_the_open_contest_column_and_its_indexes_at_start()
    {
        var old = NewReport(Start, "From before contests");
        await using (var store = new SqliteTriageStore(_file.Path))
        {
            Assert.True(await store.AddReportAsync(old, Received(old), [], Ct));
        }

        SqliteConnection.ClearAllPools();
        using (var connection = _file.Open())
        {
            // A file of the version before contests: no column, no indexes (its documents have no contests), no journal.
            Execute(connection, "DROP INDEX ix_reports_contested_received; DROP INDEX ix_reports_contested_deadline; ALTER TABLE reports DROP COLUMN contest_open; DROP TABLE schema_migrations;");
        }

        await using var upgraded = new SqliteTriageStore(_file.Path);
        Assert.Empty((await upgraded.ListReportsAsync(new ReportQuery(Contested: true), Ct)).Items);
        var contested = (await upgraded.GetReportAsync(old.Id, Ct))! with
        {
            Version = 2,
            Contests = [new ReportContest(Guid.NewGuid(), "huggingface", 1, "no", Start.AddDays(1), ContestStates.Open)],
        };
        Assert.True(await upgraded.UpdateReportAsync(contested, 1, Received(old), [], Ct));

        Assert.Equal([old.Id], (await upgraded.ListReportsAsync(new ReportQuery(Contested: true, Sort: ReportSort.Deadline), Ct)).Items.Select(r => r.Id));
        Assert.Equal(1, (await upgraded.CountReportsAsync(new ReportQuery(Contested: true), Ct)).Counts[ReportStatuses.Received]);
        using var check = _file.Open();
        var (sql, parameters) = SqliteQueueSql.List(new ReportQuery(Contested: true));
        Assert.Contains(Plan(check, sql, parameters), step => step.Contains("ix_reports_contested_received", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_sla_recomputes_stored_deadlines_at_start()
    {
        var store = new SqliteTriageStore(_file.Path);
        var report = NewReport(Start, "Critical one") with { Severity = "critical" };
        await store.AddReportAsync(report, Received(report), [], Ct);
        Assert.Empty((await store.ListReportsAsync(new ReportQuery(OverdueAt: Start.AddHours(2)), Ct)).Items);

        var stricter = new SqliteTriageStore(_file.Path, new SlaOptions { Critical = TimeSpan.FromHours(1) });
        Assert.Single((await stricter.ListReportsAsync(new ReportQuery(OverdueAt: Start.AddHours(2)), Ct)).Items);
    }

    public static TheoryData<string, ReportSort> EveryFilterAndOrder()
    {
        var data = new TheoryData<string, ReportSort>();
        foreach (var filter in new[] { "none", "status", "category", "severity", "modelHost", "modelId", "assignee", "overdue", "contested" })
        {
            foreach (var sort in Enum.GetValues<ReportSort>())
            {
                data.Add(filter, sort);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryFilterAndOrder))]
    public void Every_filter_and_order_walks_an_index_without_sorting(string filter, ReportSort sort)
    {
        _ = new SqliteTriageStore(_file.Path);
        using var connection = _file.Open();
        ReportQuery[] queries = [Query(filter), Query(filter) with { OverdueAt = Start }, Query(filter) with { Category = "privacy" }];
        // A search walks the search table in received order, or the deadline index while probing the search table.
        foreach (var query in (ReportQuery[])[.. queries, Query(filter) with { Text = "leak home" }])
        {
            var paged = query with { Sort = sort, After = new ReportCursor(Start, Guid.NewGuid(), sort) };
            var statements = sort == ReportSort.Deadline && query.Text is not null
                ? SqliteDeadlineSearch.Walks(paged, new SlaOptions())
                : [SqliteQueueSql.List(paged)];
            foreach (var (sql, parameters) in statements)
            {
                var plan = Plan(connection, sql, parameters);

                Assert.DoesNotContain(plan, step => step.StartsWith("SCAN reports ", StringComparison.Ordinal) || step == "SCAN reports");
                Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void A_near_duplicate_lookup_merges_one_walk_per_band_and_reads_no_more_reports_than_it_returns()
    {
        _ = new SqliteTriageStore(_file.Path);
        using var connection = _file.Open();
        var (sql, parameters) = SqliteReportBands.Lookup(["b0", "b1", "b2", "b3"], Start, Start.AddDays(30), 500)!.Value;

        var plan = Plan(connection, sql, parameters);

        Assert.Contains("MERGE (UNION)", plan);
        Assert.Equal(4, plan.Count(step => step.StartsWith("SEARCH report_bands USING PRIMARY KEY (band=?", StringComparison.Ordinal)));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN report", StringComparison.Ordinal) && step != "SCAN found");
        Assert.Contains("SEARCH reports USING INDEX sqlite_autoindex_reports_1 (id=?)", plan);
    }

    private static ReportQuery Query(string filter) => filter switch
    {
        "status" => new ReportQuery(Status: "triaging"),
        "category" => new ReportQuery(Category: "hate"),
        "severity" => new ReportQuery(Severity: "high"),
        "modelHost" => new ReportQuery(ModelHost: "huggingface"),
        "modelId" => new ReportQuery(ModelId: "org/model"),
        "assignee" => new ReportQuery(Assignee: "ana"),
        "overdue" => new ReportQuery(OverdueAt: Start),
        "contested" => new ReportQuery(Contested: true),
        _ => new ReportQuery(),
    };

    private static List<string> Plan(SqliteConnection connection, string sql, (string, object?)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using var reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string, object?)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    private static Report NewReport(DateTimeOffset receivedAt, string title) => new()
    {
        Id = Guid.NewGuid(),
        Status = ReportStatuses.Received,
        Version = 1,
        Model = new ModelReference("huggingface", "org/model"),
        Category = "privacy",
        Severity = "medium",
        Title = title,
        Description = "plain",
        ReceivedAt = receivedAt,
        UpdatedAt = receivedAt,
    };

    private static AuditDraft Received(Report report) => new(report.Id, report.ReceivedAt, "intake", "received", "{}");

    /// <summary>The reports table as it was before deadlines and full-text search.</summary>
    private const string OldSchema = """
        CREATE TABLE reports (
            id TEXT PRIMARY KEY, status TEXT NOT NULL, category TEXT NOT NULL, severity TEXT, model_host TEXT NOT NULL,
            model_id TEXT NOT NULL, assignee TEXT, received_at INTEGER NOT NULL, version INTEGER NOT NULL,
            search_text TEXT NOT NULL, doc TEXT NOT NULL);
        CREATE INDEX ix_reports_received ON reports (received_at DESC, id DESC);
        CREATE INDEX ix_reports_status ON reports (status, received_at DESC);
        CREATE INDEX ix_reports_model ON reports (model_host, model_id, received_at DESC);
        """;
}
