using SafetyReports.Triage.Transparency;

namespace SafetyReports.UnitTests.Triage.Transparency;

public class TransparencyFiguresBuilderTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 0, 0, 0, TimeSpan.Zero);
    private static readonly TransparencyPeriod Period = new(202601, 202606);

    /// <summary>A host with one triaged report of two, notified and not acknowledged within the SLA; another with none triaged.</summary>
    private static TransparencyTallies SilentHost()
    {
        var tallies = new TransparencyTallies(AsOf);
        var cell = new CounterTally();
        cell.Add(new CounterKey(CounterKind.Reports, 0).Encode(), 2);
        cell.Add(CounterKey.Status("host_notified").Encode(), 1);
        cell.Add(CounterKey.Status("received").Encode(), 1);
        cell.Add(new CounterKey(CounterKind.Triaged, 0).Encode(), 1);
        cell.Add(new CounterKey(CounterKind.Notified, 0).Encode(), 1);
        cell.Add(new CounterKey(CounterKind.AcknowledgementOverdue, 0).Encode(), 1);
        tallies.Add("silent-hub", null, 202603, cell);
        var untriaged = new CounterTally();
        untriaged.Add(new CounterKey(CounterKind.Reports, 0).Encode(), 3);
        tallies.Add("unvetted-name", null, 202603, untriaged);
        return tallies;
    }

    [Fact]
    public void The_public_figures_withhold_a_host_below_the_threshold()
    {
        var figures = TransparencyFiguresBuilder.Build(SilentHost(), Period, new TransparencyOptions(), null);
        Assert.Equal(5, figures.SuppressionThreshold);
        Assert.Empty(figures.Groups);
    }

    [Fact]
    public void Unsuppressed_figures_list_every_host_with_a_triaged_report_and_withhold_nothing()
    {
        var figures = TransparencyFiguresBuilder.Build(SilentHost(), Period, new TransparencyOptions(), null, TransparencyFiguresBuilder.Unsuppressed);

        Assert.Equal(1, figures.SuppressionThreshold);
        var host = Assert.Single(figures.Groups);
        Assert.Equal("silent-hub", host.Host);
        Assert.Equal((2L, 1L), (host.Reports, host.Triaged));
        Assert.Equal((1L, 1L), (host.ByStatus["host_notified"], host.ByStatus["received"]));
        Assert.Equal(new AcknowledgementFigures(1, 0, 0, 1, 0, 0.0), host.Acknowledgement);
    }
}
