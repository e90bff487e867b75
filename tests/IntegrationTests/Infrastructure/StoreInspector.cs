using Microsoft.Data.Sqlite;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>Reads a service's SQLite file directly, to prove what was (not) stored.</summary>
public static class StoreInspector
{
    public static long Count(string dataDirectory, string file, string sqlWhere = "1 = 1", string table = "submissions")
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, file),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {sqlWhere}";
        return (long)command.ExecuteScalar()!;
    }
}
