using SafetyReports.Portal.Clients;
using SafetyReports.Portal.Dashboard;

namespace SafetyReports.UnitTests.Portal;

public class OpenCountTests
{
    [Fact]
    public void Open_reports_are_all_but_the_resolved_rejected_and_duplicate_ones()
    {
        var counts = new StatusCounts
        {
            Total = 100,
            Counts = new Dictionary<string, long> { ["received"] = 10, ["needs_info"] = 5, ["acknowledged"] = 15, ["resolved"] = 40, ["rejected"] = 25, ["duplicate"] = 5 },
        };
        Assert.Equal(30, OpenCount.Of(counts));
        Assert.Equal(0, OpenCount.Of(new StatusCounts()));
    }
}
