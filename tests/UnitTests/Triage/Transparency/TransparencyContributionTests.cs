using SafetyReports.Contracts;
using SafetyReports.Triage.Transparency;

namespace SafetyReports.UnitTests.Triage.Transparency;

public class TransparencyContributionTests
{
    private static readonly DateTimeOffset Received = new(2026, 4, 10, 8, 0, 0, TimeSpan.Zero);

    private static TransparencyFacts Facts(string status = ReportStatuses.HostNotified) => new()
    {
        Host = "hub",
        Model = "org/m",
        Category = "hate",
        Status = status,
        ReceivedAt = Received,
        TriagedAt = Received.AddHours(2),
        NotifiedAt = Received.AddHours(3),
    };

    private static CounterTally Read(TransparencyContribution contribution, DateTimeOffset asOf)
    {
        var tallies = new TransparencyTallies(asOf);
        tallies.Add("hub", null, contribution);
        return tallies.Groups[("hub", null)];
    }

    [Fact]
    public void An_unacknowledged_report_is_pending_until_the_sla_has_passed_then_overdue()
    {
        var contribution = TransparencyContribution.For(Facts(), TimeSpan.FromHours(72));
        Assert.Equal(202604, contribution.Month);
        var due = Received.AddHours(3 + 72);
        Assert.Equal(1, Read(contribution, due.AddMinutes(-61))[new CounterKey(CounterKind.AcknowledgementPending, 0)]);
        Assert.Equal(1, Read(contribution, due)[new CounterKey(CounterKind.AcknowledgementOverdue, 0)]);
    }

    [Fact]
    public void Acknowledgement_within_or_after_the_sla_is_counted_as_such()
    {
        var sla = TimeSpan.FromHours(72);
        var within = TransparencyContribution.For(Facts() with { AcknowledgedAt = Received.AddHours(3 + 72) }, sla);
        var late = TransparencyContribution.For(Facts() with { AcknowledgedAt = Received.AddHours(3 + 72).AddSeconds(1) }, sla);
        Assert.Contains(new CounterKey(CounterKind.AcknowledgedWithinSla, 0).Encode(), within.Keys);
        Assert.Contains(new CounterKey(CounterKind.AcknowledgedLate, 0).Encode(), late.Keys);
        Assert.DoesNotContain(within.Keys, k => CounterKey.Decode(k).Kind == CounterKind.AcknowledgementDue);
    }

    [Fact]
    public void Open_reports_fall_into_age_bands_by_whole_days_and_closed_ones_do_not_count()
    {
        var open = TransparencyContribution.For(Facts(), TimeSpan.FromHours(72));
        Assert.Equal(1, Read(open, Received.Date.AddDays(6).AddHours(23))[new CounterKey(CounterKind.OpenInAgeBand, 0)]);
        Assert.Equal(1, Read(open, Received.Date.AddDays(7))[new CounterKey(CounterKind.OpenInAgeBand, 1)]);
        Assert.Equal(1, Read(open, Received.Date.AddDays(90))[new CounterKey(CounterKind.OpenInAgeBand, 3)]);
        var closed = TransparencyContribution.For(Facts(ReportStatuses.Resolved), TimeSpan.FromHours(72));
        Assert.Empty(Read(closed, Received.AddDays(1)).OfKind(CounterKind.OpenInAgeBand));
    }

    [Fact]
    public void The_same_facts_give_the_same_contribution_and_it_survives_its_stored_form()
    {
        var first = TransparencyContribution.For(Facts() with { Action = HostResponseActions.Removed, Automated = true, RespondedAt = Received.AddDays(1) }, TimeSpan.FromHours(72));
        Assert.True(first.SameAs(TransparencyContribution.Deserialize(first.Serialize())));
        Assert.False(first.SameAs(TransparencyContribution.For(Facts(), TimeSpan.FromHours(72))));
        Assert.Equal([0, 1, 2], first.Keys.Select(CounterKey.Decode).Where(k => k.Kind == CounterKind.Reports || k.Kind == CounterKind.AutomatedResponse || k.Kind == CounterKind.Action)
            .Select(k => k.Kind == CounterKind.Reports ? 0 : k.Kind == CounterKind.Action ? 1 : 2).Order());
    }

    [Fact]
    public void Counter_keys_survive_encoding_and_cells_survive_their_stored_form()
    {
        var key = CounterKey.Duration(TransparencyMetric.TimeToRespond, TimeSpan.FromDays(3));
        Assert.Equal(key, CounterKey.Decode(key.Encode()));
        var cell = new CounterTally();
        cell.Add([key.Encode(), key.Encode(), CounterKey.Status(ReportStatuses.Rejected).Encode()], 1);
        var decoded = CounterTally.Decode(cell.Encode());
        Assert.Equal(2, decoded[key]);
        Assert.Equal(1, decoded[CounterKey.Status(ReportStatuses.Rejected)]);
        cell.Add(key.Encode(), -2);
        Assert.Equal(0, CounterTally.Decode(cell.Encode())[key]);
    }
}
