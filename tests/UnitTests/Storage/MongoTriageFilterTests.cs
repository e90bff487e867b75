using MongoDB.Bson;
using SafetyReports.Triage.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Storage;

public sealed class MongoTriageFilterTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    private static readonly BsonDocument TextOptions = new()
    {
        { "$language", "none" }, { "$caseSensitive", false }, { "$diacriticSensitive", false },
    };

    private static BsonDocument Text(string search) => new("$text", new BsonDocument { { "$search", search } }.AddRange(TextOptions));

    [Fact]
    public void A_query_with_every_field_set_renders_each_filter_the_search_the_overdue_test_and_the_cursor()
    {
        var after = new ReportCursor(At, Guid.NewGuid());
        var now = At.AddDays(1);
        var query = new ReportQuery("triaging", "privacy", "high", "huggingface", "org/model", "Leaks $Addresses.*", "ana", after, 25, OverdueAt: now);

        var rendered = Render(MongoTriageFilters.List(query));

        // Status appears twice (the filter and the open statuses of overdue), so the driver keeps an explicit $and.
        Assert.Equal(
            new BsonDocument("$and", new BsonArray
            {
                new BsonDocument("status", "triaging"),
                new BsonDocument("category", "privacy"),
                new BsonDocument("severity", "high"),
                new BsonDocument("model.host", "huggingface"),
                new BsonDocument("model.id", "org/model"),
                new BsonDocument("assignee", "ana"),
                Text("\"leaks\" \"addresses\""),
                new BsonDocument("status", new BsonDocument("$in", new BsonArray { "received", "triaging", "needs_info" })),
                new BsonDocument("deadline", new BsonDocument("$lt", Date(now))),
                new BsonDocument("$or", new BsonArray
                {
                    new BsonDocument("receivedAt", new BsonDocument("$lt", Date(At))),
                    new BsonDocument { { "receivedAt", Date(At) }, { "_id", new BsonDocument("$lt", Uuid(after.Id)) } },
                }),
            }),
            rendered);
    }

    [Fact]
    public void The_contact_purge_reads_the_indexed_close_time_of_reports_with_contact_oldest_first()
    {
        var before = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(new BsonDocument("contactClosedAt", new BsonDocument("$lt", new BsonDateTime(before.UtcDateTime))),
            Render(MongoTriageFilters.ContactPurgeDue(before)));
        Assert.Equal(new BsonDocument("contactClosedAt", 1), Render(MongoTriageFilters.LongestClosedFirst));
    }

    [Fact]
    public void Counts_use_the_filters_without_status_and_cursor()
    {
        var query = new ReportQuery("triaging", Category: "hate", After: new ReportCursor(At, Guid.NewGuid()));
        Assert.Equal(new BsonDocument("category", "hate"), Render(MongoTriageFilters.CountsOf(query)));
    }

    [Fact]
    public void Open_lists_every_status_but_the_closed_ones_with_the_cursor_of_its_order_and_counts_ignore_it()
    {
        var id = Guid.NewGuid();
        var query = new ReportQuery(Category: "hate", Sort: ReportSort.Oldest, After: new ReportCursor(At, id, ReportSort.Oldest), Open: true);

        Assert.Equal(
            new BsonDocument
            {
                { "status", new BsonDocument("$in", new BsonArray { "received", "triaging", "needs_info", "triaged", "host_notified", "acknowledged" }) },
                { "category", "hate" },
                {
                    "$or", new BsonArray
                    {
                        new BsonDocument("receivedAt", new BsonDocument("$gt", Date(At))),
                        new BsonDocument { { "receivedAt", Date(At) }, { "_id", new BsonDocument("$gt", Uuid(id)) } },
                    }
                },
            },
            Render(MongoTriageFilters.List(query)));
        Assert.Equal(new BsonDocument("category", "hate"), Render(MongoTriageFilters.CountsOf(query)));
    }

    [Fact]
    public void An_empty_query_matches_everything_and_text_without_words_does_not_filter()
    {
        Assert.Equal(new BsonDocument(), Render(MongoTriageFilters.List(new ReportQuery())));
        Assert.Equal(new BsonDocument(), Render(MongoTriageFilters.List(new ReportQuery(Text: "  "))));
        Assert.Equal(new BsonDocument(), Render(MongoTriageFilters.List(new ReportQuery(Text: " .* $ "))));
        Assert.Equal(new BsonDocument("severity", "low"), Render(MongoTriageFilters.List(new ReportQuery(Severity: "low"))));
    }

    [Fact]
    public void The_search_quotes_every_word_so_all_are_required_and_nothing_is_operator_syntax()
    {
        Assert.Equal(Text("\"jailbreak\" \"prompt\" \"title\""),
            Render(MongoTriageFilters.List(new ReportQuery(Text: "Jailbreak -PROMPT \"$title"))));
    }

    [Fact]
    public void Each_order_breaks_ties_by_id_and_its_cursor_continues_after_the_last_item()
    {
        var id = Guid.NewGuid();
        Assert.Equal(new BsonDocument { { "receivedAt", -1 }, { "_id", -1 } }, Render(MongoTriageFilters.Order(ReportSort.Newest)));
        Assert.Equal(new BsonDocument { { "receivedAt", 1 }, { "_id", 1 } }, Render(MongoTriageFilters.Order(ReportSort.Oldest)));
        Assert.Equal(new BsonDocument { { "deadline", 1 }, { "_id", 1 } }, Render(MongoTriageFilters.Order(ReportSort.Deadline)));

        Assert.Equal(Or("receivedAt", "$gt", id), Render(MongoTriageFilters.List(new ReportQuery(After: new ReportCursor(At, id, ReportSort.Oldest), Sort: ReportSort.Oldest))));
        Assert.Equal(Or("deadline", "$gt", id), Render(MongoTriageFilters.List(new ReportQuery(After: new ReportCursor(At, id, ReportSort.Deadline), Sort: ReportSort.Deadline))));

        static BsonDocument Or(string field, string op, Guid id) => new("$or", new BsonArray
        {
            new BsonDocument(field, new BsonDocument(op, Date(At))),
            new BsonDocument { { field, Date(At) }, { "_id", new BsonDocument(op, Uuid(id)) } },
        });
    }

    [Fact]
    public void Deadlines_are_recomputed_per_severity_only_where_they_change_and_each_changed_report_gets_a_new_version()
    {
        var updates = MongoDeadlines.Updates(new SafetyReports.Triage.Domain.SlaOptions { Critical = TimeSpan.FromHours(1) });
        Assert.Equal(5, updates.Count);
        var (filter, update) = updates[Array.IndexOf(["low", "medium", "high", "critical"], "critical")];
        var deadline = new BsonDocument("$add", new BsonArray { "$receivedAt", 3_600_000L });
        Assert.Equal(
            new BsonDocument { { "severity", "critical" }, { "$expr", new BsonDocument("$ne", new BsonArray { "$deadline", deadline }) } },
            Render(filter));
        Assert.Equal(
            new BsonArray
            {
                new BsonDocument("$set", new BsonDocument { { "deadline", deadline }, { "version", new BsonDocument("$add", new BsonArray { "$version", 1L }) } }),
            },
            Render(update));
        Assert.Equal(new BsonDocument("$nin", new BsonArray { "low", "medium", "high", "critical" }), Render(updates[^1].Filter)["severity"]);
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

    [Fact]
    public void The_log_backfill_matches_only_entries_without_a_leaf()
    {
        Assert.Equal(new BsonDocument("leaf", new BsonDocument("$exists", false)), Render(MongoTriageFilters.WithoutLeaf));
        Assert.Equal(new BsonDocument { { "_id", 7L }, { "leaf", new BsonDocument("$exists", false) } }, Render(MongoTriageFilters.AuditEntryWithoutLeaf(7)));
    }

    [Fact]
    public void A_redaction_deletes_the_reports_files_it_did_not_keep()
    {
        var (report, kept) = (Guid.NewGuid(), Guid.NewGuid());

        var rendered = Render(MongoTriageFilters.EvidenceFilesNotKept(report, [kept]));

        Assert.Equal(new BsonDocument { { "reportId", Uuid(report) }, { "_id", new BsonDocument("$nin", new BsonArray { Uuid(kept) }) } }, rendered);
    }
}
