using Microsoft.Data.Sqlite;

namespace SafetyReports.ServiceDefaults.Storage;

/// <summary>
/// Columns a store added to a table after its first release. A database made by an earlier version gets each one it lacks
/// (<c>ALTER TABLE … ADD COLUMN</c> only when <c>pragma table_info</c> does not list it), so an upgrade keeps its rows.
/// </summary>
public static class SqliteAddedColumns
{
    /// <returns>The columns that were missing and have been added.</returns>
    public static IReadOnlyList<string> Add(
        SqliteConnection connection, SqliteTransaction transaction, string table, IEnumerable<(string Column, string Definition)> columns)
    {
        using var list = connection.Command("SELECT name FROM pragma_table_info($table)", transaction, ("$table", table));
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                present.Add(reader.GetString(0));
            }
        }

        var added = new List<string>();
        foreach (var (column, definition) in columns.Where(c => !present.Contains(c.Column)))
        {
            using var alter = connection.Command($"ALTER TABLE {table} ADD COLUMN {column} {definition}", transaction);
            alter.ExecuteNonQuery();
            added.Add(column);
        }

        return added;
    }
}
