using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

public static class NotificationStoreFactory
{
    public const string SqliteFileName = "notification.db";
    public const string MongoDatabaseName = "safetyreports-notification";

    public static INotificationStore Create(StorageOptions options, ILoggerFactory? loggers = null) => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteNotificationStore(Path.Combine(options.ResolveDataDirectory(), SqliteFileName), loggers?.CreateLogger<SqliteNotificationStore>()),
        StorageProvider.MongoDb => new MongoNotificationStore(MongoDatabaseFactory.Connect(options, MongoDatabaseName)),
        _ => throw new InvalidOperationException($"Unknown storage provider '{options.Provider}'."),
    };
}
