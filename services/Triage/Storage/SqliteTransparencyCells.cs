using Microsoft.Data.Sqlite;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// The transparency counters on SQLite: one cell per (month, host) and per (host, month, model), each the
/// sum of its reports' contributions, kept in the write transaction of every report change (the report's
/// last contribution is stored beside it, so a change takes exactly that away and adds the new one).
/// Keyed so a period of hosts is one range of the first table and a period of one host's models one range of the second.
/// </summary>
internal static class SqliteTransparencyCells
{
    /// <summary>Inside the write transaction: moves the report's contribution from <paramref name="previous"/> to <paramref name="next"/>.</summary>
    public static Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, TransparencyContribution? previous, TransparencyContribution next) =>
        WriteDeltasAsync(connection, transaction, CellDeltas.Moving(previous, next));

    public static async Task WriteDeltasAsync(SqliteConnection connection, SqliteTransaction transaction, CellDeltas deltas)
    {
        foreach (var ((host, model, month), delta) in deltas.Cells)
        {
            if (delta.Counts.Count == 0)
            {
                continue;
            }

            var (table, where) = model is null
                ? ("transparency_hosts", "month = $month AND host = $host")
                : ("transparency_models", "host = $host AND month = $month AND model = $model");
            (string, object?)[] key = [("$host", host), ("$month", month), ("$model", model ?? "")];
            var stored = await connection.QueryAsync($"SELECT cell FROM {table} WHERE {where}", r => (byte[])r.GetValue(0), transaction, key);
            var cell = stored.Count == 0 ? new CounterTally() : CounterTally.Decode(stored[0]);
            cell.Add(delta);
            if (cell.Counts.Count == 0)
            {
                await connection.ExecuteAsync($"DELETE FROM {table} WHERE {where}", transaction, key);
            }
            else if (model is null)
            {
                await connection.ExecuteAsync("INSERT OR REPLACE INTO transparency_hosts (month, host, cell) VALUES ($month, $host, $cell)", transaction,
                    [.. key, ("$cell", cell.Encode())]);
            }
            else
            {
                await connection.ExecuteAsync("INSERT OR REPLACE INTO transparency_models (host, month, model, cell) VALUES ($host, $month, $model, $cell)", transaction,
                    [.. key, ("$cell", cell.Encode())]);
            }
        }
    }

    /// <summary>At start, when the fingerprint changed (or the cells are new): every report's contribution recomputed, the cells refilled.</summary>
    public static void Refill(SqliteConnection connection, SqliteTransaction transaction, TransparencyOptions options)
    {
        connection.Execute(transaction, "DELETE FROM transparency_hosts; DELETE FROM transparency_models;");
        var deltas = new CellDeltas();
        using (var update = connection.Command("UPDATE reports SET transparency = $t WHERE id = $id", transaction, ("$t", ""), ("$id", "")))
        using (var read = connection.Command("SELECT id, doc FROM reports", transaction))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                var contribution = TransparencyContribution.For(ReportDocument.Deserialize(reader.GetString(1)), options.AcknowledgementSla);
                deltas.Add(contribution, 1);
                update.Parameters["$t"].Value = contribution.Serialize();
                update.Parameters["$id"].Value = reader.GetString(0);
                update.ExecuteNonQuery();
            }
        }

        WriteDeltasAsync(connection, transaction, deltas).GetAwaiter().GetResult();
    }

    /// <summary>One snapshot: the cells of the period (hosts, or the models of <paramref name="host"/>) and the audit chain's head.</summary>
    public static async Task<AuditPoint?> ReadAsync(SqliteConnection connection, string? host, TransparencyPeriod period, TransparencyTallies tallies)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var (sql, parameters) = host is null
            ? ("SELECT host, NULL, month, cell FROM transparency_hosts WHERE month BETWEEN $from AND $to", new (string, object?)[] { ("$from", period.From), ("$to", period.To) })
            : ("SELECT host, model, month, cell FROM transparency_models WHERE host = $host AND month BETWEEN $from AND $to",
                [("$host", host), ("$from", period.From), ("$to", period.To)]);
        await using (var command = connection.Command(sql, transaction, parameters))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tallies.Add(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2), reader.GetFieldValue<byte[]>(3));
            }
        }

        var head = await connection.QueryAsync("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", r => new AuditPoint(r.GetInt64(0), r.GetString(1)), transaction);
        return head.Count == 0 ? null : head[0];
    }
}
