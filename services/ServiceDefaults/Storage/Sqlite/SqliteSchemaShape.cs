using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace SafetyReports.ServiceDefaults.Storage.Sqlite;

/// <summary>
/// The objects of a SQLite file as its schema defines them: tables with their columns, and the indexes, triggers, views and
/// virtual tables by name with their SQL. The journal, SQLite's own tables and the shadow tables of virtual tables are left out.
/// </summary>
public sealed partial class SqliteSchemaShape
{
    private SqliteSchemaShape(IReadOnlyDictionary<string, IReadOnlyList<SqliteColumnShape>> tables, IReadOnlyList<SqliteObjectShape> objects, IReadOnlyList<string> constraints)
    {
        Tables = tables;
        Objects = objects;
        Constraints = constraints;
    }

    /// <summary>Plain tables and their columns in column order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SqliteColumnShape>> Tables { get; }

    /// <summary>Indexes, triggers, views and virtual tables, in the order the file created them.</summary>
    public IReadOnlyList<SqliteObjectShape> Objects { get; }

    /// <summary>What else a table declares: WITHOUT ROWID, UNIQUE constraints, foreign keys (one line each).</summary>
    public IReadOnlyList<string> Constraints { get; }

    public bool IsEmpty => Tables.Count == 0 && Objects.Count == 0;

    public static SqliteSchemaShape Read(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var tables = new Dictionary<string, IReadOnlyList<SqliteColumnShape>>(StringComparer.OrdinalIgnoreCase);
        var constraints = new List<string>();
        var plain = connection.Query(transaction,
            $"SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND {NotInternal("name")} ORDER BY name",
            r => (Name: r.GetString(0), WithoutRowid: r.GetInt64(1) == 1));
        foreach (var (table, withoutRowid) in plain)
        {
            tables[table] = connection.Query(transaction,
                "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info($table) ORDER BY cid",
                r => new SqliteColumnShape(r.GetString(0), r.GetString(1), r.GetInt64(2) == 1, r.IsDBNull(3) ? null : r.GetString(3), (int)r.GetInt64(4)),
                ("$table", table));
            if (withoutRowid)
            {
                constraints.Add($"{table} WITHOUT ROWID");
            }

            constraints.AddRange(connection.Query(transaction,
                "SELECT l.name, (SELECT group_concat(name, ', ') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) FROM pragma_index_list($table) l WHERE l.origin = 'u' ORDER BY 2",
                r => $"{table} UNIQUE ({r.GetString(1)})", ("$table", table)));
            constraints.AddRange(connection.Query(transaction,
                "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list($table) ORDER BY id, seq",
                r => $"{table} ({r.GetString(0)}) REFERENCES {r.GetString(1)} ({r.GetString(2)})", ("$table", table)));
        }

        var objects = connection.Query(transaction,
            $"""
            SELECT m.type, m.name, m.sql FROM sqlite_master m
            WHERE m.sql IS NOT NULL AND {NotInternal("m.name")}
              AND (m.type IN ('index', 'trigger', 'view')
                   OR (m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_list t WHERE t.schema = 'main' AND t.name = m.name AND t.type = 'virtual')))
            ORDER BY m.rowid
            """,
            r => new SqliteObjectShape(r.GetString(0) == "table" ? SqliteObjectShape.VirtualTable : r.GetString(0), r.GetString(1), Normalized(r.GetString(2))));
        return new SqliteSchemaShape(tables, objects, constraints);
    }

    /// <summary>Whether this file has every table, column and object of <paramref name="other"/>, by name.</summary>
    public bool Has(SqliteSchemaShape other) => other.Names().IsSubsetOf(Names());

    /// <summary>The tables, columns and objects <paramref name="after"/> has and <paramref name="before"/> lacks, by name.</summary>
    public static IReadOnlySet<string> Added(SqliteSchemaShape before, SqliteSchemaShape after) =>
        after.Names().Except(before.Names(), StringComparer.OrdinalIgnoreCase).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether this file has every one of <paramref name="names"/> (from <see cref="Added"/>).</summary>
    public bool HasAll(IReadOnlySet<string> names) => names.IsSubsetOf(Names());

    /// <summary>One name per table (<c>table t</c>), column (<c>column t.c</c>) and object (<c>index i</c>…), case as SQLite ignores it.</summary>
    private HashSet<string> Names() => new(
        Tables.Keys.Select(t => $"table {t}")
            .Concat(Tables.SelectMany(t => t.Value.Select(c => $"column {t.Key}.{c.Name}")))
            .Concat(Objects.Select(o => $"{o.Type} {o.Name}")),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Every table, column, constraint and object on one line each, in an order that does not depend on history.</summary>
    public IReadOnlyList<string> Describe() =>
    [
        .. Tables.OrderBy(t => t.Key, StringComparer.Ordinal).SelectMany(t => t.Value.Select(c => $"column {t.Key}.{c}").Prepend($"table {t.Key}")),
        .. Constraints.Order(StringComparer.Ordinal).Select(c => $"constraint {c}"),
        .. Objects.OrderBy(o => o.Type, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal).Select(o => $"{o.Type} {o.Name}: {o.Sql}"),
    ];

    /// <summary>The SQL as SQLite keeps it, with runs of white space made one space, so layout does not count.</summary>
    public static string Normalized(string sql) => Whitespace().Replace(sql, " ").Trim().TrimEnd(';');

    private static string NotInternal(string column) =>
        $"{column} NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND {column} <> '{SqliteMigrations.JournalTable}'";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
