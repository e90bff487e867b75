using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Storage;
using SafetyReports.Triage.Domain;

namespace SafetyReports.Triage.Storage;

public static class TriageStoreFactory
{
    public const string SqliteFileName = "triage.db";
    public const string MongoDatabaseName = "safetyreports-triage";

    public static ITriageStore Create(StorageOptions options, SlaOptions? sla = null) => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteTriageStore(Path.Combine(options.ResolveDataDirectory(), SqliteFileName), sla),
        StorageProvider.MongoDb => new MongoTriageStore(MongoDatabaseFactory.Connect(options, MongoDatabaseName), sla),
        _ => throw new InvalidOperationException($"Unknown storage provider '{options.Provider}'."),
    };
}
