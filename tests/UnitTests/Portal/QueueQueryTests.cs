using SafetyReports.Portal.Clients;
using SafetyReports.Portal.Queue;

namespace SafetyReports.UnitTests.Portal;

public class QueueQueryTests
{
    [Fact]
    public void The_api_query_carries_every_filter_encoded_and_a_default_limit()
    {
        var query = new QueueQuery { Status = "received", Q = "jail break & more", Assignee = "a+b@example.org", Sort = "deadline", Overdue = true, Cursor = "abc/=" };
        Assert.Equal(
            "?status=received&q=jail%20break%20%26%20more&assignee=a%2Bb%40example.org&overdue=true&sort=deadline&cursor=abc%2F%3D&limit=50",
            query.ToApiQueryString());
    }

    [Fact]
    public void Counts_leave_out_status_cursor_limit_and_sort()
    {
        var query = new QueueQuery { Status = "received", Category = "hate", Sort = "oldest", Cursor = "c", Limit = 10 };
        Assert.Equal("?category=hate", query.ToCountsQueryString());
    }

    [Fact]
    public void Empty_filters_are_left_out()
    {
        Assert.Equal("/portal", new QueueQuery { Q = "  ", ModelHost = "" }.ToPageUrl());
        Assert.Equal("?limit=50", new QueueQuery().ToApiQueryString());
    }

    [Fact]
    public void The_next_page_keeps_the_filters_and_adds_the_cursor()
    {
        var query = new QueueQuery { Severity = "high", Cursor = "old" };
        Assert.Equal("/portal?severity=high&cursor=next", query.NextPageUrl("next"));
    }

    [Fact]
    public void A_status_tab_starts_from_the_first_page()
    {
        var query = new QueueQuery { Status = "received", Q = "x", Cursor = "c" };
        Assert.Equal("/portal?status=triaging&q=x", query.StatusUrl("triaging"));
        Assert.Equal("/portal?q=x", query.StatusUrl(null));
    }

    [Fact]
    public void Values_no_maintainer_meant_are_dropped_not_sent()
    {
        var normalized = new QueueQuery { Status = "bogus", Severity = "huge", Category = "nope", Sort = "random", Limit = 5000, Q = " words " }.Normalized();
        Assert.Equal(new QueueQuery { Q = "words" }, normalized);
        Assert.Null(new QueueQuery { Sort = "newest" }.Normalized().Sort);
        Assert.Equal("deadline", new QueueQuery { Sort = "deadline" }.Normalized().Sort);
    }

    [Fact]
    public void Open_is_a_status_filter_the_queue_keeps_and_sends()
    {
        var open = new QueueQuery { Status = QueueQuery.OpenStatus, Sort = "oldest" }.Normalized();
        Assert.Equal("open", open.Status);
        Assert.Equal("?status=open&sort=oldest&limit=50", open.ToApiQueryString());
        Assert.Equal("/portal?status=open&sort=oldest", open.ToPageUrl());
    }

    [Fact]
    public void A_handler_is_appended_to_a_url_with_or_without_a_query()
    {
        Assert.Equal("/portal?handler=BulkReject", UrlQuery.Append("/portal", "handler", "BulkReject"));
        Assert.Equal("/portal?q=x&handler=BulkReject", UrlQuery.Append("/portal?q=x", "handler", "BulkReject"));
    }

    [Fact]
    public void Delivery_filters_build_their_query()
    {
        var subscription = Guid.Parse("0195f3c2-0000-7000-8000-000000000001");
        Assert.Equal($"?status=failed&subscriptionId={subscription}", new DeliveryFilter("failed", subscription, null).ToQueryString());
        Assert.Equal("", new DeliveryFilter(null, null, null).ToQueryString());
    }

    [Fact]
    public void The_contested_filter_travels_to_the_list_the_counts_and_the_page()
    {
        var query = new QueueQuery { Contested = true, Status = "host_notified" };
        Assert.Equal("?status=host_notified&contested=true&limit=50", query.ToApiQueryString());
        Assert.Equal("?contested=true", query.ToCountsQueryString());
        Assert.Equal("/portal?status=host_notified&contested=true", query.ToPageUrl());
        Assert.Equal("/portal?contested=true", query.StatusUrl(null));
        Assert.DoesNotContain("contested", new QueueQuery().ToApiQueryString());
    }
}
