using Microsoft.Extensions.Logging.Abstractions;
using SafetyReports.ServiceDefaults.Storage;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Notification.Storage;

/// <summary>
/// Notification's store on SQLite: one file, a partial class per aggregate (hosts, subscriptions, routes, the host loop,
/// deliveries); the transaction, outbox and quarantine come from <see cref="SqliteStore"/>.
/// </summary>
public sealed partial class SqliteNotificationStore : SqliteMailingStore, INotificationStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly WriteAheadLogScrub _scrub;

    /// <param name="logger">Where a write-ahead log that could not be emptied after a replaced notice is reported.</param>
    public SqliteNotificationStore(string path, ILogger? logger = null)
        : base(SqliteNotificationSchema.Open(path))
    {
        _scrub = new WriteAheadLogScrub(Database.TruncateWriteAheadLogAsync, logger ?? NullLogger.Instance);
    }
}
