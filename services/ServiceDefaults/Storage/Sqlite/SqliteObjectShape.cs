namespace SafetyReports.ServiceDefaults.Storage.Sqlite;

/// <summary>An index, trigger, view or virtual table and its SQL.</summary>
/// <param name="Type"><c>index</c>, <c>trigger</c>, <c>view</c> or <see cref="VirtualTable"/>.</param>
/// <param name="Sql">As SQLite keeps it, white space made single (<see cref="SqliteSchemaShape.Normalized"/>).</param>
public sealed record SqliteObjectShape(string Type, string Name, string Sql)
{
    public const string VirtualTable = "virtual table";
}
