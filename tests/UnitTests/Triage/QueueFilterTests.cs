using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;

namespace SafetyReports.UnitTests.Triage;

public class QueueFilterTests
{
    private static readonly QueueFilter Empty = new(null, null, null, null, null, null, null, null, null);

    [Fact]
    public void No_filter_is_the_first_page_of_everything()
    {
        var (query, errors) = Empty.ToQuery();
        Assert.Empty(errors);
        Assert.Equal(new ReportQuery(Limit: QueueFilter.DefaultPageSize), query);
    }

    [Fact]
    public void Known_values_pass_and_hosts_are_lower_cased()
    {
        var cursor = new ReportCursor(DateTimeOffset.UnixEpoch, Guid.NewGuid());
        var (query, _) = (Empty with { Status = "triaged", Category = "hate", Severity = "low", ModelHost = " HuggingFace ", Cursor = cursor.Encode(), Limit = 10 }).ToQuery();
        Assert.Equal(new ReportQuery("triaged", "hate", "low", "huggingface", null, null, null, cursor, 10), query);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("category")]
    [InlineData("severity")]
    [InlineData("limit")]
    [InlineData("cursor")]
    public void Unknown_values_name_their_field_and_give_no_query(string field)
    {
        var filter = field switch
        {
            "status" => Empty with { Status = "open" },
            "category" => Empty with { Category = "spam" },
            "severity" => Empty with { Severity = "severe" },
            "limit" => Empty with { Limit = QueueFilter.MaxPageSize + 1 },
            _ => Empty with { Cursor = "not-a-cursor" },
        };
        var (query, errors) = filter.ToQuery();
        Assert.Null(query);
        Assert.Equal([field], errors.Keys);
    }
}
