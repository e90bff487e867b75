using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

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

            TryRegister(new GuidSerializer(GuidRepresentation.Standard));
            TryRegister(new DateTimeOffsetSerializer(BsonType.DateTime));
            _registered = true;
        }
    }

    /// <summary>
    /// When BSON was touched first, the registry already holds the driver's default serializer and
    /// refuses another. That must not stop the store: every Mongo document class pins its Guid
    /// (<c>Standard</c>) and date (<c>DateTime</c>) representation per member, so it is stored the same
    /// either way, and a bare Guid under the default serializer fails loudly rather than being stored differently.
    /// </summary>
    private static void TryRegister<T>(IBsonSerializer<T> serializer)
    {
        try
        {
            BsonSerializer.TryRegisterSerializer(serializer);
        }
        catch (BsonSerializationException)
        {
        }
    }

    public static IMongoDatabase Connect(string connectionString, string defaultDatabaseName)
    {
        RegisterSerializers();
        var url = MongoUrl.Create(connectionString);
        var client = new MongoClient(url);
        return client.GetDatabase(string.IsNullOrEmpty(url.DatabaseName) ? defaultDatabaseName : url.DatabaseName);
    }

    /// <summary>Connects with <c>ConnectionStrings:MongoDb</c>; a missing connection string stops the service at start.</summary>
    public static IMongoDatabase Connect(StorageOptions options, string defaultDatabaseName)
    {
        if (string.IsNullOrWhiteSpace(options.MongoDbConnectionString))
        {
            throw new InvalidOperationException(
                $"{StorageOptions.Section}:Provider is MongoDb but ConnectionStrings:MongoDb is not set.");
        }

        return Connect(options.MongoDbConnectionString, defaultDatabaseName);
    }
}
