using Microsoft.Data.Sqlite;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>
/// Reads rows from a service's SQLite file while the service runs (read-only; WAL lets readers and the
/// writer proceed together), to prove what was stored rather than what an API says.
/// </summary>
public static class StoreQuery
{
    public static List<object?[]> Rows(string dataDirectory, string file, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, file),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
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
}
