using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Similarity;
using SafetyReports.Triage.Transparency;
using static SafetyReports.UnitTests.Triage.Similarity.SimilarityFixtures;

namespace SafetyReports.UnitTests.Triage.Similarity;

public class BurstHoldTests
{
    private static readonly DateTimeOffset Now = Start.AddHours(1);

    private static ReportCluster Cluster(bool burst, params Report[] members) => new(members, Start, Start, 3, burst);

    [Fact]
    public void Only_a_burst_s_members_that_are_neither_held_nor_confirmed_are_held()
    {
        var fresh = Report(Brigade, 0);
        var held = Report(Brigade, 1) with { HeldAt = Start };
        var confirmed = Report(Brigade, 2) with { BurstConfirmedAt = Start };

        Assert.Equal([fresh.Id], BurstHold.ToHold(Cluster(true, fresh, held, confirmed)).Select(r => r.Id));
        Assert.Empty(BurstHold.ToHold(Cluster(false, fresh, held, confirmed)));
        Assert.Equal([held.Id], BurstHold.ToConfirm(Cluster(false, fresh, held, confirmed)).Select(r => r.Id));
    }

    [Fact]
    public void Holding_and_confirming_are_new_versions_with_an_audit_entry_and_happen_once()
    {
        var report = Report(Brigade) with { Version = 3 };
        var cluster = Cluster(true, report);

        var (held, holdAudit) = BurstHold.Hold(report, cluster, Now)!.Value;
        Assert.Equal((Now, 4L, BurstHold.HeldAction, SystemMoves.SystemActor), (held.HeldAt, held.Version, holdAudit.Action, holdAudit.Actor));
        Assert.Null(BurstHold.Hold(held, cluster, Now));

        var (counted, confirmAudit) = BurstHold.Confirm(held, "ana", Now.AddHours(1))!.Value;
        Assert.Equal((null, Now.AddHours(1), 5L, BurstHold.ConfirmedAction, "ana"),
            (counted.HeldAt, counted.BurstConfirmedAt, counted.Version, confirmAudit.Action, confirmAudit.Actor));
        Assert.Null(BurstHold.Confirm(counted, "ana", Now));
        Assert.Null(BurstHold.Hold(counted, cluster, Now));
    }

    [Fact]
    public void A_held_report_adds_only_to_the_held_count_of_its_month()
    {
        var report = Report(Brigade) with { Status = "triaged", TriagedAt = Start.AddMinutes(5) };
        var sla = TimeSpan.FromHours(72);

        var held = TransparencyContribution.For(report with { HeldAt = Now }, sla);
        Assert.Equal([new CounterKey(CounterKind.Held, 0).Encode()], held.Keys);
        Assert.Equal(TransparencyMonth.Of(report.ReceivedAt), held.Month);

        var counted = TransparencyContribution.For(report with { BurstConfirmedAt = Now }, sla);
        Assert.DoesNotContain(new CounterKey(CounterKind.Held, 0).Encode(), counted.Keys);
        Assert.Contains(new CounterKey(CounterKind.Triaged, 0).Encode(), counted.Keys);
    }
}
