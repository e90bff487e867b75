using SafetyReports.Contracts;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.TransparencyLog;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

public abstract partial class TriageStoreContractTests
{
    [Fact]
    public async Task Every_audit_entry_has_its_log_leaf_written_with_it_once_and_in_order()
    {
        var store = await CreateStoreAsync();
        var report = NewReport(At(0));
        Assert.True(await store.AddReportAsync(report, Audit(report.Id, "received", At(0)), [], Ct));
        // A repeat stores nothing: no second leaf.
        Assert.False(await store.AddReportAsync(report, Audit(report.Id, "received", At(0)), [], Ct));
        Assert.True(await store.UpdateReportAsync(report with { Version = 2, Status = ReportStatuses.Triaging }, 1, Audit(report.Id, "transition", At(1)), [], Ct));
        // A stale update appends nothing either.
        Assert.False(await store.UpdateReportAsync(report with { Version = 2 }, 1, Audit(report.Id, "stale", At(2)), [], Ct));
        await store.AppendAuditAsync(AuditExportRecord.Record("admin", At(3)), Ct);

        var chain = await store.ReadAuditChainAsync(0, 100, Ct);
        var leaves = await store.ReadLogLeavesAsync(0, 100, Ct);
        Assert.Equal(3, leaves.Count);
        Assert.Equal(chain.Select(LogLeaf.HashOf).Select(Convert.ToHexString), leaves.Select(Convert.ToHexString));
        Assert.Equal([.. leaves.Skip(1).Select(Convert.ToHexString)], (await store.ReadLogLeavesAsync(1, 100, Ct)).Select(Convert.ToHexString));
        Assert.Single(await store.ReadLogLeavesAsync(1, 1, Ct));
        Assert.Empty(await store.ReadLogLeavesAsync(3, 100, Ct));
    }

    [Fact]
    public async Task An_entry_about_a_hosts_part_announces_its_leaf_in_the_same_write_and_a_refused_write_announces_nothing()
    {
        var store = await CreateStoreAsync();
        var report = NewReport(At(0));
        Assert.True(await store.AddReportAsync(report, Audit(report.Id, "received", At(0)), [], Ct));
        var delivered = new WebhookDelivered(report.Id, "huggingface", Guid.NewGuid(), "wh_1", "report.triaged", At(1));
        var (notified, audit, _) = SystemMoves.RecordDelivery(report, delivered, At(1))!.Value;

        // A stale write of the same entry appends nothing and announces nothing.
        Assert.False(await store.UpdateReportAsync(notified, report.Version + 5, audit, [], Ct));
        Assert.Empty(await store.PeekOutboxAsync(10, Ct));
        Assert.True(await store.UpdateReportAsync(notified, report.Version, audit, [], Ct));

        var entry = (await store.GetAuditAsync(report.Id, Ct)).Single(e => e.Action == "host_notified");
        var message = Assert.Single(await store.PeekOutboxAsync(10, Ct));
        Assert.True(MessageSerialization.TryDeserialize(message.MessageType, message.Body, out var read, out _, out _));
        Assert.Equal(new AuditLeafRecorded(report.Id, "huggingface", "host_notified", entry.Sequence - 1, entry.At), read);
    }
}
