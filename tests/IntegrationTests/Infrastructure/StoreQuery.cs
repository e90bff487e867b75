using Microsoft.Data.Sqlite;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>
/// Reads rows from a service's SQLite file while the service runs (read-only; WAL lets readers and the
/// writer proceed together), to prove what was stored rather than what an API says; and writes one in, as a
/// bug, an older version or a damaged disk would have left it.
/// </summary>
public static class StoreQuery
{
    public static List<object?[]> Rows(string dataDirectory, string file, string sql)
    {
        using var connection = Open(dataDirectory, file, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Runs one statement against the file (taking its write lock like any writer, waiting up to 30 s for it).</summary>
    public static void Execute(string dataDirectory, string file, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(dataDirectory, file, SqliteOpenMode.ReadWrite);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string dataDirectory, string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, file),
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }
}
