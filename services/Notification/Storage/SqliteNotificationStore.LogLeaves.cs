using static SafetyReports.ServiceDefaults.Storage.Sqlite.SqliteCommandExtensions;

namespace SafetyReports.Notification.Storage;

public sealed partial class SqliteNotificationStore
{
    public Task AddLogLeafAsync(HostLogLeaf leaf, CancellationToken cancellationToken) =>
        WriteAsync(w => w.ExecuteAsync(
            "INSERT INTO log_leaves (report_id, host_id, action, leaf) VALUES ($report, $host, $action, $leaf) ON CONFLICT DO NOTHING",
            ("$report", leaf.ReportId.ToString()), ("$host", leaf.HostId), ("$action", leaf.Action), ("$leaf", leaf.LeafIndex)), cancellationToken);

    public async Task<IReadOnlyList<HostLogLeaf>> GetLogLeavesAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken)
    {
        if (reportIds.Count == 0)
        {
            return [];
        }

        var (list, parameters) = InList(reportIds);
        return await QueryAsync($"SELECT report_id, host_id, action, leaf FROM log_leaves WHERE report_id IN ({list})",
            r => new HostLogLeaf(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetInt64(3)), parameters);
    }
}
