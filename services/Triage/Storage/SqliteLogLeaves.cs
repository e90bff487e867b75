using Microsoft.Data.Sqlite;
using SafetyReports.ServiceDefaults.Storage.Sqlite;
using SafetyReports.Triage.TransparencyLog;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// The transparency log's leaves on SQLite: each audit row keeps its leaf hash (<c>leaf</c>), written in the insert that
/// appends the entry, so a leaf is never lost or doubled. The migration that adds the column computes the leaves of the
/// entries already there, from the entries alone (the same leaves on every copy of the file).
/// </summary>
public static class SqliteLogLeaves
{
    public static SqliteMigration Migration(int version) => new(version, "transparency log leaves", (connection, transaction) =>
    {
        connection.Execute(transaction, "ALTER TABLE audit ADD COLUMN leaf BLOB");
        var entries = connection.Query(transaction,
            "SELECT seq, report_id, at, actor, action, data, prev_hash, hash FROM audit ORDER BY seq", SqliteTriageStore.ReadAudit);
        using var update = connection.Command("UPDATE audit SET leaf = $leaf WHERE seq = $seq", transaction, ("$leaf", null), ("$seq", null));
        foreach (var entry in entries)
        {
            update.Parameters["$leaf"].Value = LogLeaf.HashOf(entry);
            update.Parameters["$seq"].Value = entry.Sequence;
            update.ExecuteNonQuery();
        }
    });

    public static async Task<IReadOnlyList<byte[]>> ReadAsync(SqliteConnection connection, long from, int max) =>
        await connection.QueryAsync("SELECT leaf FROM audit WHERE seq > $from ORDER BY seq LIMIT $max",
            r => (byte[])r.GetValue(0), null, ("$from", from), ("$max", max));
}
