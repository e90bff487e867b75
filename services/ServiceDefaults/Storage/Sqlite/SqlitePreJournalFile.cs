using Microsoft.Data.Sqlite;

namespace SafetyReports.ServiceDefaults.Storage.Sqlite;

/// <summary>
/// Adopts a file made before the journal existed. Each step is run on an empty in-memory database to learn what it creates;
/// the file is compared with that, by name. A file older than the first step (an earlier release's, which that release would
/// have brought up to date at start) is first given what it lacks of the first step: missing tables, columns (with their
/// type, NOT NULL and default) and indexes, triggers, views and virtual tables, with the first step's own SQL; then the
/// store's <see cref="SqliteMigrations.BeforeJournal"/> backfills run. Each step whose own tables, columns and objects the file
/// then has is found (releases did not always add things in the order of the steps); the others run as on any file.
/// </summary>
public static class SqlitePreJournalFile
{
    private static readonly SqliteSchemaShape Empty = EmptyShape();

    public static IReadOnlyList<int> Adopt(SqliteConnection connection, SqliteTransaction transaction, SqliteMigrations migrations)
    {
        using var reference = new SqliteConnection("Data Source=:memory:");
        reference.Open();
        using var referenceTransaction = reference.BeginTransaction();
        var shapes = new List<SqliteSchemaShape>();
        IReadOnlyList<(string Type, string Name, string Sql)> firstStep = [];
        foreach (var step in migrations.Steps)
        {
            step.Apply(reference, referenceTransaction);
            shapes.Add(SqliteSchemaShape.Read(reference, referenceTransaction));
            if (step.Version == 1)
            {
                firstStep = Definitions(reference, referenceTransaction);
            }
        }

        var file = SqliteSchemaShape.Read(connection, transaction);
        var catchUp = file.Has(shapes[0]) ? SqliteCatchUp.None : CatchUp(connection, transaction, file, shapes[0], firstStep);
        migrations.BeforeJournal?.Invoke(connection, transaction, catchUp);

        file = SqliteSchemaShape.Read(connection, transaction);
        var found = new List<int>();
        for (var i = 0; i < shapes.Count; i++)
        {
            var added = SqliteSchemaShape.Added(i == 0 ? Empty : shapes[i - 1], shapes[i]);
            // A step that adds nothing by name (a data step) counts as found with the step before it.
            if (added.Count == 0 ? found.Contains(i) : file.HasAll(added))
            {
                found.Add(i + 1);
            }
        }

        return found;
    }

    private static SqliteCatchUp CatchUp(
        SqliteConnection connection, SqliteTransaction transaction, SqliteSchemaShape file, SqliteSchemaShape first, IReadOnlyList<(string Type, string Name, string Sql)> definitions)
    {
        var createdTables = new List<string>();
        var addedColumns = new List<(string, string)>();
        var createdObjects = new List<string>();
        foreach (var (table, columns) in first.Tables)
        {
            if (!file.Tables.TryGetValue(table, out var present))
            {
                connection.Execute(transaction, definitions.Single(d => d.Type == "table" && Same(d.Name, table)).Sql);
                createdTables.Add(table);
                continue;
            }

            foreach (var column in columns.Where(c => !present.Any(p => Same(p.Name, c.Name))))
            {
                if (column.PrimaryKeyPosition > 0 || (column.NotNull && column.Default is null))
                {
                    throw new InvalidOperationException(
                        $"The file's table {table} lacks column {column.Name}, which cannot be added to rows that exist ({column}): no release of this store made such a file.");
                }

                connection.Execute(transaction, $"ALTER TABLE \"{table}\" ADD COLUMN \"{column.Name}\" {column.Definition}");
                addedColumns.Add((table, column.Name));
            }
        }

        foreach (var missing in first.Objects.Where(o => !file.Objects.Any(own => own.Type == o.Type && Same(own.Name, o.Name))))
        {
            var type = missing.Type == SqliteObjectShape.VirtualTable ? "table" : missing.Type;
            connection.Execute(transaction, definitions.Single(d => d.Type == type && Same(d.Name, missing.Name)).Sql);
            createdObjects.Add(missing.Name);
        }

        return new SqliteCatchUp(createdTables, addedColumns, createdObjects);
    }

    /// <summary>Every object's own SQL, in the order it was created.</summary>
    private static List<(string Type, string Name, string Sql)> Definitions(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Query(transaction, "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid",
            r => (r.GetString(0), r.GetString(1), r.GetString(2)));

    private static SqliteSchemaShape EmptyShape()
    {
        using var empty = new SqliteConnection("Data Source=:memory:");
        empty.Open();
        return SqliteSchemaShape.Read(empty, null);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
