using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Triage.Storage;

/// <summary>The maintainers' notification choices on SQLite: one row per maintainer, the choices as JSON.</summary>
public static class SqliteMaintainerNotifications
{
    public const string Table = """
        CREATE TABLE maintainer_notifications (
            maintainer TEXT PRIMARY KEY,
            doc TEXT NOT NULL
        );
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static Task SaveAsync(SqliteWrite w, MaintainerNotifications preferences) =>
        w.ExecuteAsync(
            "INSERT INTO maintainer_notifications (maintainer, doc) VALUES ($maintainer, $doc) ON CONFLICT (maintainer) DO UPDATE SET doc = excluded.doc",
            ("$maintainer", preferences.Maintainer), ("$doc", JsonSerializer.Serialize(preferences, Json)));

    public static Task<MaintainerNotifications?> GetAsync(SqliteDatabase database, string maintainer) =>
        database.ReadAsync(async c => (await c.QueryAsync(
            "SELECT doc FROM maintainer_notifications WHERE maintainer = $maintainer", r => Read(r.GetString(0)), null,
            ("$maintainer", maintainer))).FirstOrDefault());

    public static async Task<IReadOnlyList<MaintainerNotifications>> ListAsync(SqliteDatabase database) =>
        (await database.ReadAsync(c => c.QueryAsync("SELECT doc FROM maintainer_notifications ORDER BY maintainer", r => Read(r.GetString(0)), null)))
            .Where(p => p.WantsAny).ToList();

    private static MaintainerNotifications Read(string doc) =>
        JsonSerializer.Deserialize<MaintainerNotifications>(doc, Json) ?? throw new InvalidDataException("Empty notification choices.");
}
