using Microsoft.Data.Sqlite;
using SafetyReports.Triage.Domain;

namespace SafetyReports.IntegrationTests.Triage;

/// <summary>What someone with write access to triage.db might do to the audit table, and how to undo it.</summary>
internal static class AuditTampering
{
    public static readonly string[] Kinds = ["edited", "inserted", "reordered", "deleted"];

    /// <summary>Applies one kind of tampering around entry 2 and returns the first sequence a verifier must reject.</summary>
    public static long Apply(SqliteConnection connection, string kind) => kind switch
    {
        "edited" => Run(connection, 2, """UPDATE audit SET data = '{"text":"nothing to see"}' WHERE seq = 2"""),
        "inserted" => Insert(connection),
        "reordered" => Run(connection, 2, "UPDATE audit SET seq = -1 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = -1;"),
        "deleted" => Run(connection, 3, "DELETE FROM audit WHERE seq = 2"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static List<object?[]> Snapshot(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, report_id, at, actor, action, data, prev_hash, hash FROM audit ORDER BY seq";
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[8];
            reader.GetValues(row!);
            rows.Add(row);
        }

        return rows;
    }

    public static void Restore(SqliteConnection connection, List<object?[]> rows)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "DELETE FROM audit");
        foreach (var row in rows)
        {
            Execute(connection, transaction, "INSERT INTO audit (seq, report_id, at, actor, action, data, prev_hash, hash) VALUES ($0, $1, $2, $3, $4, $5, $6, $7)",
                [.. row.Select((value, i) => ($"${i}", value))]);
        }

        transaction.Commit();
    }

    /// <summary>A forged entry at 2, correctly linked to entry 1 and correctly hashed; the entries after it move up one.</summary>
    private static long Insert(SqliteConnection connection)
    {
        var first = Snapshot(connection)[0];
        var forged = AuditChain.Link(
            new AuditDraft(Guid.Parse((string)first[1]!), DateTimeOffset.FromUnixTimeMilliseconds((long)first[2]!), "intake", "note", """{"text":"forged"}"""),
            2, (string)first[7]!);
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "UPDATE audit SET seq = -seq WHERE seq >= 2; UPDATE audit SET seq = 1 - seq WHERE seq < 0;");
        Execute(connection, transaction, "INSERT INTO audit (seq, report_id, at, actor, action, data, prev_hash, hash) VALUES (2, $r, $at, $actor, $action, $data, $prev, $hash)",
            ("$r", forged.ReportId.ToString()), ("$at", forged.At.ToUnixTimeMilliseconds()), ("$actor", forged.Actor), ("$action", forged.Action),
            ("$data", forged.Data), ("$prev", forged.PreviousHash), ("$hash", forged.Hash));
        transaction.Commit();
        return 3;
    }

    private static long Run(SqliteConnection connection, long firstBad, string sql)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, sql);
        transaction.Commit();
        return firstBad;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string, object?)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }
}
