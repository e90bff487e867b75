using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

public static class TriageStoreFactory
{
    public const string SqliteFileName = "triage.db";
    public const string MongoDatabaseName = "safetyreports-triage";

    public static ITriageStore Create(
        StorageOptions options, SlaOptions? sla = null, TransparencyOptions? transparency = null, ILoggerFactory? loggers = null) => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteTriageStore(Path.Combine(options.ResolveDataDirectory(), SqliteFileName), sla, transparency,
            loggers?.CreateLogger<SqliteTriageStore>()),
        StorageProvider.MongoDb => new MongoTriageStore(MongoDatabaseFactory.Connect(options, MongoDatabaseName), sla, transparency),
        _ => throw new InvalidOperationException($"Unknown storage provider '{options.Provider}'."),
    };
}
