using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;

namespace SafetyReports.UnitTests.Triage;

public class QueueFilterTests
{
    private static readonly QueueFilter Empty = new(null, null, null, null, null, null, null, null, null);
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_filter_is_the_first_page_of_everything_newest_first()
    {
        var (query, errors) = Empty.ToQuery(Now);
        Assert.Empty(errors);
        Assert.Equal(new ReportQuery(Limit: QueueFilter.DefaultPageSize), query);
    }

    [Fact]
    public void Known_values_pass_and_hosts_are_lower_cased()
    {
        var cursor = new ReportCursor(DateTimeOffset.UnixEpoch, Guid.NewGuid());
        var (query, _) = (Empty with { Status = "triaged", Category = "hate", Severity = "low", ModelHost = " HuggingFace ", Cursor = cursor.Encode(), Limit = 10 }).ToQuery(Now);
        Assert.Equal(new ReportQuery("triaged", "hate", "low", "huggingface", null, null, null, cursor, 10), query);
    }

    [Theory]
    [InlineData("newest", ReportSort.Newest)]
    [InlineData("oldest", ReportSort.Oldest)]
    [InlineData("deadline", ReportSort.Deadline)]
    public void Each_sort_is_known_and_takes_only_its_own_cursors(string sort, ReportSort expected)
    {
        var cursor = new ReportCursor(Now, Guid.NewGuid(), expected);
        var (query, _) = (Empty with { Sort = sort, Cursor = cursor.Encode() }).ToQuery(Now);
        Assert.Equal(expected, query!.Sort);
        Assert.Equal(cursor, query.After);

        var other = new ReportCursor(Now, Guid.NewGuid(), expected == ReportSort.Newest ? ReportSort.Oldest : ReportSort.Newest);
        var (refused, errors) = (Empty with { Sort = sort, Cursor = other.Encode() }).ToQuery(Now);
        Assert.Null(refused);
        Assert.Equal(["cursor"], errors.Keys);
    }

    [Fact]
    public void Contested_true_keeps_reports_with_an_open_contest_and_false_does_not_filter()
    {
        Assert.True((Empty with { Contested = true }).ToQuery(Now).Query!.Contested);
        Assert.False((Empty with { Contested = false }).ToQuery(Now).Query!.Contested);
        Assert.False(Empty.ToQuery(Now).Query!.Contested);
        var open = (Empty with { Status = "open", Contested = true }).ToQuery(Now).Query!;
        Assert.True(open is { Open: true, Contested: true });
    }

    [Fact]
    public void Overdue_compares_with_now_and_false_does_not_filter()
    {
        Assert.Equal(Now, (Empty with { Overdue = true }).ToQuery(Now).Query!.OverdueAt);
        Assert.Null((Empty with { Overdue = false }).ToQuery(Now).Query!.OverdueAt);
    }

    [Fact]
    public void Open_is_every_status_but_resolved_rejected_and_duplicate()
    {
        Assert.Equal(["received", "triaging", "needs_info", "triaged", "host_notified", "acknowledged"], OpenReports.Statuses);
        var (query, errors) = (Empty with { Status = "open", Sort = "oldest" }).ToQuery(Now);
        Assert.Empty(errors);
        Assert.Equal(new ReportQuery(Limit: QueueFilter.DefaultPageSize, Sort: ReportSort.Oldest, Open: true), query);
    }

    [Fact]
    public void Open_adds_nothing_to_overdue_whose_reports_are_all_open()
    {
        var (query, _) = (Empty with { Status = "open", Overdue = true }).ToQuery(Now);
        Assert.Equal(new ReportQuery(Limit: QueueFilter.DefaultPageSize, OverdueAt: Now), query);
        Assert.All(SlaPolicy.OpenStatuses, s => Assert.Contains(s, OpenReports.Statuses));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("category")]
    [InlineData("severity")]
    [InlineData("limit")]
    [InlineData("cursor")]
    [InlineData("sort")]
    [InlineData("q")]
    public void Unknown_values_name_their_field_and_give_no_query(string field)
    {
        var filter = field switch
        {
            "status" => Empty with { Status = "pending" },
            "category" => Empty with { Category = "spam" },
            "severity" => Empty with { Severity = "severe" },
            "limit" => Empty with { Limit = QueueFilter.MaxPageSize + 1 },
            "sort" => Empty with { Sort = "random" },
            "q" => Empty with { Q = new string('a', QueueFilter.MaxTextLength + 1) },
            _ => Empty with { Cursor = "not-a-cursor" },
        };
        var (query, errors) = filter.ToQuery(Now);
        Assert.Null(query);
        Assert.Equal([field], errors.Keys);
    }
}
