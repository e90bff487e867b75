using Microsoft.Data.Sqlite;
using SafetyReports.Triage.Domain;

namespace SafetyReports.AuditTool;

/// <summary>A line or row the tool cannot read as an audit entry: itself a sign the chain was altered.</summary>
public sealed class UnreadableEntryException(string message) : Exception(message);

/// <summary>Where the tool reads a chain from, in stored order: an export file, or Triage's SQLite file opened read-only.</summary>
public static class AuditSources
{
    public static IEnumerable<AuditEntry> Export(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return AuditExportFormat.Parse(line) ?? throw new UnreadableEntryException($"line {number} is not an audit entry");
        }
    }

    public static IEnumerable<AuditEntry> Sqlite(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such file: {path}", path);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // Stored order is the sequence: a row moved to another sequence shows up where it now claims to be.
        command.CommandText = "SELECT seq, report_id, at, actor, action, data, prev_hash, hash FROM audit ORDER BY seq";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!Guid.TryParse(reader.GetString(1), out var reportId))
            {
                throw new UnreadableEntryException($"row {reader.GetInt64(0)} has no valid report id");
            }

            yield return new AuditEntry(reader.GetInt64(0), reportId, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7));
        }
    }
}
