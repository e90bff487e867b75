using SafetyReports.Portal.Clients;
using SafetyReports.Portal.Dashboard;

namespace SafetyReports.UnitTests.Portal;

public class HostSilenceTests
{
    private static HostAccountability Host(string host, long? notified, long? within = 0, long? late = 0, long? overdue = 0, long? pending = 0) => new()
    {
        Host = host,
        Acknowledgement = new AcknowledgementCounts { Notified = notified, WithinSla = within, Late = late, Overdue = overdue, Pending = pending },
    };

    [Fact]
    public void Hosts_that_never_acknowledged_come_first_then_those_most_overdue_and_hosts_in_time_are_left_out()
    {
        var silent = HostSilence.Of(
        [
            Host("answers-in-time", 9, within: 9),
            Host("late-but-answered", 4, late: 4),
            Host("some-overdue", 6, within: 4, overdue: 2),
            Host("more-overdue", 6, within: 1, overdue: 5),
            Host("never-pending", 1, pending: 1),
            Host("never-overdue", 3, overdue: 2, pending: 1),
            Host("never-notified", 0),
        ]);

        Assert.Equal(["never-overdue", "never-pending", "more-overdue", "some-overdue"], silent.Select(h => h.Host));
        Assert.Equal(new SilentHost("never-overdue", 3, 0, 2, 1), silent[0]);
        Assert.True(silent[1].NeverAcknowledged);
        Assert.Equal(new SilentHost("more-overdue", 6, 1, 5, 0), silent[2]);
        Assert.False(silent[2].NeverAcknowledged);
    }

    [Fact]
    public void A_withheld_count_reads_as_none_rather_than_failing()
    {
        var silent = HostSilence.Of([Host("withheld", notified: 2, within: null, late: null, overdue: null, pending: null), Host("unknown", notified: null)]);
        Assert.Equal(new SilentHost("withheld", 2, 0, 0, 0), Assert.Single(silent));
    }
}
