using SafetyReports.Triage.Transparency;
using SafetyReports.Triage.Transparency.Sealing;

namespace SafetyReports.UnitTests.Triage.Transparency.Sealing;

public class MonthErrataTests
{
    private const int March = 202603;
    private static readonly DateTimeOffset SealedAt = new(2026, 4, 8, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = SealedAt.AddDays(20);

    /// <summary>The public hosts figures of March with one host's reports: all triaged, <paramref name="acknowledged"/> of them acknowledged within the SLA.</summary>
    private static TransparencyFigures March_(params (string Host, int Reports, int Acknowledged)[] hosts)
    {
        var tallies = new TransparencyTallies(SealedAt);
        foreach (var (host, reports, acknowledged) in hosts)
        {
            var cell = new CounterTally();
            cell.Add(new CounterKey(CounterKind.Reports, 0).Encode(), reports);
            cell.Add(new CounterKey(CounterKind.Triaged, 0).Encode(), reports);
            cell.Add(CounterKey.Status("host_notified").Encode(), reports);
            cell.Add(new CounterKey(CounterKind.Notified, 0).Encode(), reports);
            if (acknowledged > 0)
            {
                cell.Add(new CounterKey(CounterKind.AcknowledgedWithinSla, 0).Encode(), acknowledged);
            }

            if (reports - acknowledged > 0)
            {
                cell.Add(new CounterKey(CounterKind.AcknowledgementOverdue, 0).Encode(), reports - acknowledged);
            }

            tallies.Add(host, null, March, cell);
        }

        return TransparencyFiguresBuilder.Build(tallies, new TransparencyPeriod(March, March), new TransparencyOptions(), null);
    }

    private static IReadOnlyList<TransparencyErratum> Find(TransparencyFigures sealedFigures, IReadOnlyList<TransparencyErratum> recorded, TransparencyFigures now) =>
        MonthErrata.Find(March, FigureValues.Of(sealedFigures), recorded, FigureValues.Of(now), Later);

    [Fact]
    public void Figures_that_read_as_sealed_need_no_erratum()
    {
        Assert.Empty(Find(March_(("hub", 10, 10)), [], March_(("hub", 10, 10))));
    }

    [Fact]
    public void A_changed_value_gets_a_dated_erratum_from_the_sealed_value_to_the_new_one()
    {
        // Ten reports, all acknowledged in time at the seal; later two more of March are triaged, not acknowledged in time.
        var errata = Find(March_(("hub", 10, 10)), [], March_(("hub", 12, 10)));

        var reports = Assert.Single(errata, e => e.Figure == "reports");
        Assert.Equal(new TransparencyErratum(March, "hub", "reports", 1, "10", "12", Later), reports);
        Assert.Contains(errata, e => e is { Figure: "acknowledgement.shareWithinSla", Old: "1", New: "0.8333" });
        Assert.All(errata, e => Assert.Equal(Later, e.RecordedAt));
        Assert.DoesNotContain(errata, e => e.Old == e.New);
    }

    [Fact]
    public void A_recorded_erratum_is_not_recorded_again_and_a_further_change_continues_from_it()
    {
        var sealedFigures = March_(("hub", 10, 10));
        var first = Find(sealedFigures, [], March_(("hub", 11, 11)));
        Assert.Empty(Find(sealedFigures, first, March_(("hub", 11, 11))));

        var second = Find(sealedFigures, first, March_(("hub", 12, 12)));
        var reports = Assert.Single(second, e => e.Figure == "reports");
        Assert.Equal((2, "11", "12"), (reports.Sequence, reports.Old, reports.New));
    }

    [Fact]
    public void A_value_that_returns_to_the_sealed_one_gets_an_erratum_back()
    {
        var sealedFigures = March_(("hub", 10, 10));
        var first = Find(sealedFigures, [], March_(("hub", 11, 11)));
        var back = Find(sealedFigures, first, sealedFigures);
        var reports = Assert.Single(back, e => e.Figure == "reports");
        Assert.Equal((2, "11", "10"), (reports.Sequence, reports.Old, reports.New));
    }

    [Fact]
    public void A_host_newly_listed_or_no_longer_listed_shows_as_not_listed_before_or_after()
    {
        var errata = Find(March_(("hub", 10, 10), ("old-host", 5, 5)), [], March_(("hub", 10, 10), ("new-host", 6, 6)));

        Assert.Contains(errata, e => e is { Host: "new-host", Figure: "reports", Old: null, New: "6" });
        Assert.Contains(errata, e => e is { Host: "old-host", Figure: "reports", Old: "5", New: null });
        Assert.DoesNotContain(errata, e => e.Host == "hub");
    }

    [Fact]
    public void A_withheld_value_stays_withheld_in_an_erratum()
    {
        // 10 acknowledged in time and none overdue, then 2 of 12 overdue: below the threshold of 5, so withheld.
        var errata = Find(March_(("hub", 10, 10)), [], March_(("hub", 12, 10)));

        var overdue = Assert.Single(errata, e => e.Figure == "acknowledgement.overdue");
        Assert.Equal(("0", FigureValues.Withheld), (overdue.Old, overdue.New));
        Assert.DoesNotContain(errata, e => e.New == "2" && e.Figure.StartsWith("acknowledgement.", StringComparison.Ordinal));
    }
}
