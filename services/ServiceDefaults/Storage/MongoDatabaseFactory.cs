using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace SafetyReports.ServiceDefaults.Storage;

/// <summary>Creates MongoDB clients after the process-wide BSON settings are in place.</summary>
public static class MongoDatabaseFactory
{
    private static readonly Lock SerializerLock = new();
    private static bool _registered;

    /// <summary>
    /// MongoDB.Driver 3.x refuses to serialise a <see cref="Guid"/> until a representation is chosen,
    /// and it can be chosen only once per process: call this before any BSON is touched.
    /// </summary>
    public static void RegisterSerializers()
    {
        lock (SerializerLock)
        {
            if (_registered)
            {
                return;
            }

            BsonSerializer.TryRegisterSerializer(new GuidSerializer(GuidRepresentation.Standard));
            BsonSerializer.TryRegisterSerializer(new DateTimeOffsetSerializer(BsonType.DateTime));
            _registered = true;
        }
    }

    public static IMongoDatabase Connect(string connectionString, string defaultDatabaseName)
    {
        RegisterSerializers();
        var url = MongoUrl.Create(connectionString);
        var client = new MongoClient(url);
        return client.GetDatabase(string.IsNullOrEmpty(url.DatabaseName) ? defaultDatabaseName : url.DatabaseName);
    }
}
