using Microsoft.Data.Sqlite;
using static SafetyReports.ServiceDefaults.Storage.Sqlite.SqliteCommandExtensions;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Notification.Storage;

public sealed partial class SqliteNotificationStore : IHostStore
{
    private const string HostColumns = "id, name, contact_email, created_at";

    public Task<bool> AddHostAsync(ModelHost host, CancellationToken cancellationToken) =>
        WriteAsync(w => w.ChangesOneAsync(
            $"INSERT INTO hosts ({HostColumns}) VALUES ($id, $name, $email, $at) ON CONFLICT (id) DO NOTHING",
            ("$id", host.Id), ("$name", host.Name), ("$email", host.ContactEmail), ("$at", host.CreatedAt.ToUnixMs())), cancellationToken);

    public Task<ModelHost?> GetHostAsync(string hostId, CancellationToken cancellationToken) =>
        QueryFirstAsync($"SELECT {HostColumns} FROM hosts WHERE id = $id", ReadHost, ("$id", hostId));

    public async Task<IReadOnlyList<ModelHost>> GetHostsAsync(CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {HostColumns} FROM hosts ORDER BY id", ReadHost);

    private static ModelHost ReadHost(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), FromUnixMs(r.GetInt64(3)));
}
