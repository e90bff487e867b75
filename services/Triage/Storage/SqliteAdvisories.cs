namespace SafetyReports.Triage.Storage;

/// <summary>
/// The advisories on SQLite: the whole advisory as JSON beside what is looked up. <c>(year, number)</c> is unique and rows are
/// never deleted, so the next number of a year (its largest plus one) is never one given out before.
/// </summary>
internal static class SqliteAdvisories
{
    public const string Schema = """
        CREATE TABLE advisories (
            id TEXT PRIMARY KEY,
            report_id TEXT NOT NULL UNIQUE,
            year INTEGER NOT NULL,
            number INTEGER NOT NULL,
            revision INTEGER NOT NULL,
            modified INTEGER NOT NULL,
            doc TEXT NOT NULL,
            UNIQUE (year, number)
        );
        CREATE INDEX ix_advisories_modified ON advisories (modified, id);
        """;

    public static string Serialize(Advisory advisory) => JsonSerializer.Serialize(advisory, AdvisoryJson.Api);

    public static Advisory Deserialize(string json) =>
        JsonSerializer.Deserialize<Advisory>(json, AdvisoryJson.Api) ?? throw new InvalidDataException("Empty advisory document.");
}
