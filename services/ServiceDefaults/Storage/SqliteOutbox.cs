using Microsoft.Data.Sqlite;
using SafetyReports.ServiceDefaults.Messaging;

namespace SafetyReports.ServiceDefaults.Storage;

/// <summary>The outbox table every SQLite store shares the shape of.</summary>
public static class SqliteOutbox
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            message_type TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            trace_parent TEXT
        );
        """;

    public static Task AddAsync(SqliteConnection connection, SqliteTransaction transaction, OutboxMessage message) =>
        connection.ExecuteAsync(
            "INSERT INTO outbox (id, message_type, body, created_at, trace_parent) VALUES ($id, $type, $body, $at, $trace)",
            transaction,
            ("$id", message.Id.ToString()), ("$type", message.MessageType), ("$body", message.Body), ("$at", message.CreatedAt.ToUnixMs()), ("$trace", message.TraceParent));

    public static async Task<IReadOnlyList<OutboxMessage>> PeekAsync(SqliteDatabase database, int max) =>
        await database.ReadAsync(c => c.QueryAsync(
            "SELECT id, message_type, body, created_at, trace_parent FROM outbox ORDER BY seq LIMIT $max",
            r => new OutboxMessage(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), SqliteCommandExtensions.FromUnixMs(r.GetInt64(3)), r.GetNullableString(4)),
            null, ("$max", max)));

    /// <summary>Removes published rows through the store's writer, in the batch of whatever else it commits.</summary>
    public static Task RemoveAsync(SqliteGroupCommit writes, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        writes.WriteAsync(async (c, t) =>
        {
            foreach (var id in ids)
            {
                await c.ExecuteAsync("DELETE FROM outbox WHERE id = $id", t, ("$id", id.ToString()));
            }

            return 0;
        }, cancellationToken);
}
