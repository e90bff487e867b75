using Microsoft.Data.Sqlite;

namespace SafetyReports.ServiceDefaults.Storage.Sqlite;

/// <summary>The outbox table every SQLite store shares the shape of, and its quarantine for rows that cannot be published.</summary>
public static class SqliteOutbox
{
    /// <summary>
    /// The outbox as each store's first migration creates it. Migrations never change: a change to these tables is a new
    /// migration in every store that has them.
    /// </summary>
    public const string Table = """
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            message_type TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            trace_parent TEXT
        );
        """;

    /// <summary>The quarantine, a migration of its own in every store (it came after the first).</summary>
    public const string QuarantineTable = """
        CREATE TABLE outbox_quarantine (
            id TEXT PRIMARY KEY,
            message_type TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            trace_parent TEXT,
            reason TEXT NOT NULL,
            quarantined_at INTEGER NOT NULL
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

    /// <summary>Moves the row to <c>outbox_quarantine</c> in one transaction: kept, out of the dispatcher's way.</summary>
    public static Task QuarantineAsync(SqliteGroupCommit writes, Guid id, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        writes.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync(
                """
                INSERT INTO outbox_quarantine (id, message_type, body, created_at, trace_parent, reason, quarantined_at)
                SELECT id, message_type, body, created_at, trace_parent, $reason, $at FROM outbox WHERE id = $id
                ON CONFLICT (id) DO NOTHING
                """,
                t, ("$id", id.ToString()), ("$reason", reason), ("$at", at.ToUnixMs()));
            return await c.ExecuteAsync("DELETE FROM outbox WHERE id = $id", t, ("$id", id.ToString()));
        }, cancellationToken);

    public static async Task<long> CountQuarantinedAsync(SqliteDatabase database) =>
        await database.ReadAsync(async c => (await c.QueryAsync("SELECT COUNT(*) FROM outbox_quarantine", r => r.GetInt64(0)))[0]);
}
