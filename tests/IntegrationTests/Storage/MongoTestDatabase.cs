using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>
/// A database of its own on the server <c>MONGODB_URI</c> points at (a replica set: the stores use
/// transactions), dropped when the test ends. Without the variable the test is skipped, with the reason.
/// </summary>
internal sealed class MongoTestDatabase : IAsyncDisposable
{
    public const string UriVariable = "MONGODB_URI";

    public const string SkipReason =
        "MONGODB_URI is not set: no MongoDB server can be installed on this machine; set it to run these tests against a replica set";

    private MongoTestDatabase(IMongoClient client, string name)
    {
        Client = client;
        Name = name;
        Database = client.GetDatabase(name);
    }

    public IMongoClient Client { get; }

    public string Name { get; }

    public IMongoDatabase Database { get; }

    /// <summary>Skips the calling test when no server is configured.</summary>
    public static MongoTestDatabase Create()
    {
        var uri = Environment.GetEnvironmentVariable(UriVariable);
        if (string.IsNullOrWhiteSpace(uri))
        {
            Assert.Skip(SkipReason);
        }

        MongoDatabaseFactory.RegisterSerializers();
        // Never the database named in the URI: this one is dropped afterwards.
        return new MongoTestDatabase(new MongoClient(uri), "safetyreports-test-" + Guid.NewGuid().ToString("N"));
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DropDatabaseAsync(Name, CancellationToken.None);
        Client.Dispose();
    }
}
