using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Portal.Auth;

/// <summary>The portal keeps its sessions where the other stores are: the SQLite data folder, or MongoDB, which every replica shares.</summary>
public static class SessionCacheFactory
{
    public static ISessionCache Create(StorageOptions options, TimeProvider clock) => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteSessionCache(Path.Combine(options.ResolveDataDirectory(), SqliteSessionCache.FileName), clock),
        StorageProvider.MongoDb => new MongoSessionCache(MongoDatabaseFactory.Connect(options, MongoSessionCache.DatabaseName), clock),
        _ => throw new InvalidOperationException($"Unknown storage provider '{options.Provider}'."),
    };
}
