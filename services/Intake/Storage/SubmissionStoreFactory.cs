using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

public static class SubmissionStoreFactory
{
    public const string SqliteFileName = "intake.db";
    public const string MongoDatabaseName = "safetyreports-intake";

    public static ISubmissionStore Create(StorageOptions options) => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteSubmissionStore(Path.Combine(options.ResolveDataDirectory(), SqliteFileName)),
        StorageProvider.MongoDb => new MongoSubmissionStore(MongoDatabaseFactory.Connect(options, MongoDatabaseName)),
        _ => throw new InvalidOperationException($"Unknown storage provider '{options.Provider}'."),
    };
}
