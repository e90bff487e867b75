using Microsoft.Data.Sqlite;

namespace SafetyReports.ServiceDefaults.Storage.Sqlite;

/// <summary>
/// One step of a store's SQLite schema history: run once, in version order, inside the transaction that starts the store,
/// and recorded in the file's journal (<see cref="SqliteMigrations"/>). A step that has been released never changes; a
/// change to the schema, or to data the schema derives, is a new step.
/// </summary>
/// <param name="Apply">Runs inside the transaction; an exception rolls the whole start back and leaves the file as it was.</param>
public sealed record SqliteMigration(int Version, string Name, Action<SqliteConnection, SqliteTransaction> Apply)
{
    /// <summary>A step that is one SQL script.</summary>
    public static SqliteMigration Sql(int version, string name, string sql) =>
        new(version, name, (connection, transaction) => connection.Execute(transaction, sql));
}
