using Microsoft.Data.Sqlite;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Portal.Auth;

/// <summary>
/// The portal's sessions in a SQLite file beside the other stores, so a restart of the portal does not end
/// them (the entries are already encrypted by <see cref="PortalTicketStore"/>; the key ring persists too).
/// An entry lives as <see cref="SessionEntryExpiry"/> says; expired entries are never returned and are
/// deleted as new ones are written.
/// </summary>
public sealed class SqliteSessionCache(string path, TimeProvider clock) : ISessionCache
{
    public const string FileName = "portal-sessions.db";

    private readonly SqliteDatabase _database = new(path, SqliteSessionSchema.Migrations);

    public Task PingAsync(CancellationToken cancellationToken) => _database.PingAsync(cancellationToken);

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        await using var connection = _database.Open();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var rows = await connection.QueryAsync("SELECT value, sliding_ms FROM sessions WHERE key = $key AND expires_at > $now",
            r => (Value: r.GetFieldValue<byte[]>(0), Sliding: r.IsDBNull(1) ? (long?)null : r.GetInt64(1)), null, ("$key", key), ("$now", now));
        if (rows.Count == 0)
        {
            return null;
        }

        if (rows[0].Sliding is not null)
        {
            await SlideAsync(connection, key, now);
        }

        return rows[0].Value;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        var now = clock.GetUtcNow();
        var expiry = SessionEntryExpiry.Of(options, now);
        await using var connection = _database.Open();
        await connection.ExecuteAsync(
            """
            DELETE FROM sessions WHERE expires_at <= $now;
            INSERT INTO sessions (key, value, expires_at, sliding_ms, absolute_at) VALUES ($key, $value, $expires, $sliding, $absolute)
            ON CONFLICT (key) DO UPDATE SET value = $value, expires_at = $expires, sliding_ms = $sliding, absolute_at = $absolute;
            """,
            null,
            ("$now", now.ToUnixTimeMilliseconds()), ("$key", key), ("$value", value), ("$expires", expiry.ExpiresAt.ToUnixTimeMilliseconds()),
            ("$sliding", expiry.Sliding is { } s ? (long)s.TotalMilliseconds : null), ("$absolute", expiry.Absolute?.ToUnixTimeMilliseconds()));
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        await using var connection = _database.Open();
        await SlideAsync(connection, key, clock.GetUtcNow().ToUnixTimeMilliseconds());
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await using var connection = _database.Open();
        await connection.ExecuteAsync("DELETE FROM sessions WHERE key = $key", null, ("$key", key));
    }

    /// <summary>Moves a live sliding entry's expiry to now + its window, never past its absolute expiry.</summary>
    private static Task SlideAsync(SqliteConnection connection, string key, long now) =>
        connection.ExecuteAsync(
            """
            UPDATE sessions SET expires_at = CASE WHEN absolute_at IS NOT NULL AND absolute_at < $now + sliding_ms THEN absolute_at ELSE $now + sliding_ms END
            WHERE key = $key AND sliding_ms IS NOT NULL AND expires_at > $now
            """,
            null, ("$key", key), ("$now", now));
}
