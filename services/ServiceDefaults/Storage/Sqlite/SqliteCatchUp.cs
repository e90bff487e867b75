namespace SafetyReports.ServiceDefaults.Storage.Sqlite;

/// <summary>What a file from before the journal lacked of the first migration and was given, so a store can backfill what depends on it.</summary>
public sealed record SqliteCatchUp(IReadOnlyList<string> CreatedTables, IReadOnlyList<(string Table, string Column)> AddedColumns, IReadOnlyList<string> CreatedObjects)
{
    public static SqliteCatchUp None { get; } = new([], [], []);

    public bool AddedColumn(string table, string column) =>
        AddedColumns.Any(c => string.Equals(c.Table, table, StringComparison.OrdinalIgnoreCase) && string.Equals(c.Column, column, StringComparison.OrdinalIgnoreCase));
}
