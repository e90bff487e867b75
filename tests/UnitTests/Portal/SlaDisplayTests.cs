using SafetyReports.Portal.Reports;

namespace SafetyReports.UnitTests.Portal;

public class SlaDisplayTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_open_report_before_its_deadline_is_due_with_the_time_left()
    {
        var sla = SlaDisplay.For("received", Now.AddHours(3).AddMinutes(20), overdue: null, Now);
        Assert.Equal(SlaKind.Due, sla.Kind);
        Assert.Equal("3 h 20 min", sla.AmountText);
    }

    [Fact]
    public void An_open_report_past_its_deadline_is_overdue_by_the_time_since()
    {
        var sla = SlaDisplay.For("needs_info", Now.AddDays(-2).AddHours(-5), overdue: null, Now);
        Assert.Equal(SlaKind.Overdue, sla.Kind);
        Assert.Equal("2 d 5 h", sla.AmountText);
    }

    [Fact]
    public void The_api_flag_wins_over_the_page_clock()
    {
        Assert.Equal(SlaKind.Overdue, SlaDisplay.For("triaging", Now.AddMinutes(5), overdue: true, Now).Kind);
        Assert.Equal(SlaKind.Due, SlaDisplay.For("triaging", Now.AddMinutes(-5), overdue: false, Now).Kind);
    }

    [Theory]
    [InlineData("triaged")]
    [InlineData("host_notified")]
    [InlineData("acknowledged")]
    [InlineData("resolved")]
    [InlineData("rejected")]
    [InlineData("duplicate")]
    public void A_report_no_longer_open_for_triage_shows_no_deadline(string status) =>
        Assert.Equal(SlaKind.None, SlaDisplay.For(status, Now.AddHours(-1), overdue: true, Now).Kind);

    [Fact]
    public void Without_a_deadline_nothing_is_shown() =>
        Assert.Equal(SlaKind.None, SlaDisplay.For("received", null, overdue: null, Now).Kind);

    [Theory]
    [InlineData(0, 0, 30, "< 1 min")]
    [InlineData(0, 0, 60, "1 min")]
    [InlineData(0, 1, 0, "1 h")]
    [InlineData(1, 0, 0, "1 d")]
    [InlineData(7, 23, 59, "7 d 23 h")]
    public void Durations_are_short(int days, int hours, int seconds, string expected) =>
        Assert.Equal(expected, SlaDisplay.Duration(new TimeSpan(days, hours, 0, seconds)));
}
