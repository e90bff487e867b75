using SafetyReports.Intake.Storage;
using SafetyReports.Notification.Storage;
using SafetyReports.Portal.Auth;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.Triage.Storage;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.UnitTests.Storage;

/// <summary>Choosing MongoDB builds the MongoDB adapters; the driver connects lazily, so no server is needed here.</summary>
public sealed class MongoStoreFactoryTests
{
    private static readonly StorageOptions Mongo = new()
    {
        Provider = StorageProvider.MongoDb,
        MongoDbConnectionString = "mongodb://127.0.0.1:27017/?replicaSet=rs0",
    };

    [Fact]
    public void The_mongodb_provider_builds_the_mongodb_adapters()
    {
        Assert.IsType<MongoSubmissionStore>(SubmissionStoreFactory.Create(Mongo));
        Assert.IsType<MongoTriageStore>(TriageStoreFactory.Create(Mongo));
        Assert.IsType<MongoNotificationStore>(NotificationStoreFactory.Create(Mongo));
        Assert.IsType<MongoSessionCache>(SessionCacheFactory.Create(Mongo, TimeProvider.System));
    }

    [Fact]
    public void Without_a_connection_string_the_mongodb_provider_stops_the_service_at_start()
    {
        var options = new StorageOptions { Provider = StorageProvider.MongoDb };
        var error = Assert.Throws<InvalidOperationException>(() => TriageStoreFactory.Create(options));
        Assert.Contains("ConnectionStrings:MongoDb", error.Message);
    }

    [Fact]
    public void Each_service_has_its_own_database_unless_the_connection_string_names_one()
    {
        Assert.Equal(TriageStoreFactory.MongoDatabaseName,
            MongoDatabaseFactory.Connect(Mongo, TriageStoreFactory.MongoDatabaseName).DatabaseNamespace.DatabaseName);
        Assert.Equal("custom", MongoDatabaseFactory.Connect("mongodb://127.0.0.1:27017/custom", "ignored").DatabaseNamespace.DatabaseName);
        Assert.Equal(4, new[] { SubmissionStoreFactory.MongoDatabaseName, TriageStoreFactory.MongoDatabaseName, NotificationStoreFactory.MongoDatabaseName, MongoSessionCache.DatabaseName }
            .Distinct().Count());
    }

    [Fact]
    public void The_process_wide_serializers_store_a_bare_guid_as_a_uuid_and_a_bare_time_as_a_bson_date()
    {
        MongoDatabaseFactory.RegisterSerializers();
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

        // No attributes here: only the registered serializers decide.
        var bson = MongoDB.Bson.BsonExtensionMethods.ToBsonDocument(new { Id = id, At = at });

        MongoRendering.AssertUuid(id, bson["_id"]);
        MongoRendering.AssertDate(at, bson["At"]);
    }
}
