using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>The public log's leaves of a host's part in a report (issue 19): kept once per report, host and action.</summary>
public abstract partial class NotificationStoreContractTests
{
    [Fact]
    public async Task A_log_leaf_is_kept_once_per_report_host_and_action_and_read_for_a_page_of_reports()
    {
        var store = await CreateStoreAsync();
        var (a, b, none) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var notified = new HostLogLeaf(a, "huggingface", AuditLeafRecorded.Actions.HostNotified, 41);
        var acknowledged = new HostLogLeaf(a, "huggingface", AuditLeafRecorded.Actions.HostAcknowledged, 57);
        var other = new HostLogLeaf(b, "host with spaces/and slashes", AuditLeafRecorded.Actions.HostNotified, 42);

        await store.AddLogLeafAsync(notified, Ct);
        await store.AddLogLeafAsync(acknowledged, Ct);
        await store.AddLogLeafAsync(other, Ct);
        // A redelivery, or a different index for a step already kept, changes nothing.
        await store.AddLogLeafAsync(notified, Ct);
        await store.AddLogLeafAsync(notified with { LeafIndex = 99 }, Ct);

        var leaves = await store.GetLogLeavesAsync([a, b, none, a], Ct);

        Assert.Equal(
            new[] { notified, acknowledged, other }.OrderBy(l => l.ReportId).ThenBy(l => l.Action, StringComparer.Ordinal).ToList(),
            leaves.OrderBy(l => l.ReportId).ThenBy(l => l.Action, StringComparer.Ordinal).ToList());
        Assert.Equal([other], await store.GetLogLeavesAsync([b], Ct));
        Assert.Empty(await store.GetLogLeavesAsync([none], Ct));
        Assert.Empty(await store.GetLogLeavesAsync([], Ct));
    }

    [Fact]
    public async Task Log_leaves_racing_keep_one()
    {
        var store = await CreateStoreAsync();
        var reportId = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => store.AddLogLeafAsync(new HostLogLeaf(reportId, "huggingface", AuditLeafRecorded.Actions.HostResponded, 100 + i), Ct), Ct)));

        Assert.Single(await store.GetLogLeavesAsync([reportId], Ct));
    }
}
