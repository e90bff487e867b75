using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using SafetyReports.Triage.Transparency;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>
/// A second replica over the same data, started with other rules (an SLA, an acknowledgement SLA): what it recomputes at
/// start never loses a change another replica makes, and a replica that read a report before cannot wipe the recomputed part.
/// </summary>
public abstract partial class TriageStoreContractTests
{
    /// <summary>Another store instance over the same data as the last <see cref="CreateStoreAsync"/>, with its own options.</summary>
    protected abstract Task<ITriageStore> OpenOtherReplicaAsync(SlaOptions? sla = null, TransparencyOptions? transparency = null);

    [Fact]
    public async Task A_change_takes_away_what_the_report_added_even_when_a_replica_with_other_rules_counted_it()
    {
        var store = await SeedAsync();
        var day = new TransparencyOptions { AcknowledgementSla = TimeSpan.FromHours(24) };
        // A replica that counts acknowledgements against 24 h instead of 72 h starts: the cells are recounted under its rules.
        var other = await OpenOtherReplicaAsync(transparency: day);
        Assert.Null(await other.GetReportAsync(Guid.NewGuid(), Ct));

        // The first replica (72 h) records an acknowledgement of the report still waiting for one.
        var reports = (await store.ListReportsAsync(new ReportQuery { ModelHost = "hub-t", Limit = 100 }, Ct)).Items;
        var waiting = reports.Single(r => r.Status == ReportStatuses.HostNotified);
        var acknowledged = waiting with
        {
            Status = ReportStatuses.Acknowledged, AcknowledgedAt = waiting.HostNotifiedAt!.Value.AddMinutes(30), Version = waiting.Version + 1,
        };
        Assert.True(await store.UpdateReportAsync(acknowledged, waiting.Version, Audit(waiting.Id, "acknowledged", March), [], Ct));

        // The cells hold every report as the 24 h replica counted it, and the acknowledged one as the 72 h replica did: what was
        // taken away is what the report had added (due within 24 h), not what 72 h rules say it added. Read between the two due times.
        var asOf = waiting.HostNotifiedAt!.Value.AddHours(48);
        var expected = new TransparencyTallies(asOf);
        foreach (var report in reports.Where(r => r.Id != waiting.Id))
        {
            expected.Add(report.Model.Host, null, TransparencyContribution.For(report, day.AcknowledgementSla));
        }

        expected.Add(acknowledged.Model.Host, null, TransparencyContribution.For(acknowledged, new TransparencyOptions().AcknowledgementSla));
        var stored = new TransparencyTallies(asOf);
        await other.ReadTransparencyAsync(null, new TransparencyPeriod(202602, 202603), stored, Ct);
        Assert.Equal(NonZero(expected.Groups[("hub-t", null)]), NonZero(stored.Groups[("hub-t", null)]));
    }

    [Fact]
    public async Task A_changed_sla_gives_each_report_whose_deadline_moves_a_new_version_so_a_stale_writer_reads_it_again()
    {
        var store = await CreateStoreAsync();
        var high = NewReport(At(0)) with { Severity = "high" };
        var low = NewReport(At(1)) with { Severity = "low" };
        foreach (var report in new[] { high, low })
        {
            Assert.True(await store.AddReportAsync(report, Audit(report.Id, "received", At(0)), [], Ct));
        }

        var sooner = new SlaOptions { High = TimeSpan.FromHours(1) };
        var other = await OpenOtherReplicaAsync(sla: sooner);

        Assert.Equal(high.Version + 1, (await other.GetReportAsync(high.Id, Ct))!.Version);
        Assert.Equal(low.Version, (await other.GetReportAsync(low.Id, Ct))!.Version);
        Assert.Equal([high.Id, low.Id], (await other.ListReportsAsync(new ReportQuery(Sort: ReportSort.Deadline), Ct)).Items.Select(r => r.Id));
        // The first replica read the report before: its write fails the version check instead of undoing the new deadline.
        Assert.False(await store.UpdateReportAsync(high with { Title = "Edited", Version = high.Version + 1 }, high.Version, Audit(high.Id, "edit", At(2)), [], Ct));
        // A third replica with the same SLA finds nothing to change.
        var again = await OpenOtherReplicaAsync(sla: sooner);
        Assert.Equal(high.Version + 1, (await again.GetReportAsync(high.Id, Ct))!.Version);
    }

    private static IReadOnlyList<KeyValuePair<int, long>> NonZero(CounterTally tally) =>
        tally.Counts.Where(c => c.Value != 0).OrderBy(c => c.Key).ToList();
}
