using System.Globalization;

namespace SafetyReports.ServiceDefaults.Storage.Sqlite;

/// <summary>A column as <c>pragma table_info</c> gives it.</summary>
public sealed record SqliteColumnShape(string Name, string Type, bool NotNull, string? Default, int PrimaryKeyPosition)
{
    /// <summary>The definition <c>ALTER TABLE … ADD COLUMN</c> takes (a primary key cannot be added so).</summary>
    public string Definition => string.Join(' ', new[] { Type, NotNull ? "NOT NULL" : "", Default is null ? "" : $"DEFAULT {Default}" }.Where(p => p.Length > 0));

    public override string ToString() =>
        Name + (Definition.Length > 0 ? " " + Definition : "") + (PrimaryKeyPosition > 0 ? " PRIMARY KEY " + PrimaryKeyPosition.ToString(CultureInfo.InvariantCulture) : "");
}
