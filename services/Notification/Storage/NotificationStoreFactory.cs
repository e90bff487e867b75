using SafetyReports.ServiceDefaults.Hosting;

namespace SafetyReports.Notification.Storage;

public static class NotificationStoreFactory
{
    public const string SqliteFileName = "notification.db";
    public const string MongoDatabaseName = "safetyreports-notification";

    public static INotificationStore Create(StorageOptions options) => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteNotificationStore(Path.Combine(options.ResolveDataDirectory(), SqliteFileName)),
        StorageProvider.MongoDb => throw new NotSupportedException("The MongoDB adapter for Notification is not built yet."),
        _ => throw new InvalidOperationException($"Unknown storage provider '{options.Provider}'."),
    };
}
