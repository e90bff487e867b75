using Microsoft.Data.Sqlite;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>A SQLite file in its own temporary folder, deleted (best effort) when the test ends.</summary>
internal sealed class TempSqliteFile : IDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "safetyreports-store-" + Guid.NewGuid().ToString("N"));

    public TempSqliteFile(string fileName)
    {
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, fileName);
    }

    public string Path { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        // Pooled handles would keep the WAL files open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
