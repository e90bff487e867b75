using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Triage.Storage;

public static class TriageStoreFactory
{
    public const string SqliteFileName = "triage.db";
    public const string MongoDatabaseName = "safetyreports-triage";

    public static ITriageStore Create(StorageOptions options) => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteTriageStore(Path.Combine(options.ResolveDataDirectory(), SqliteFileName)),
        StorageProvider.MongoDb => throw new NotSupportedException("The MongoDB adapter for Triage is not built yet."),
        _ => throw new InvalidOperationException($"Unknown storage provider '{options.Provider}'."),
    };
}
