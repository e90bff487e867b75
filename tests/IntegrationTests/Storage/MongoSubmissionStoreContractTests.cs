using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.Intake.Storage;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>Runs when <c>MONGODB_URI</c> names a replica set; skipped, with the reason, otherwise.</summary>
public sealed class MongoSubmissionStoreContractTests : SubmissionStoreContractTests
{
    private MongoTestDatabase? _database;

    protected override Task<ISubmissionStore> CreateStoreAsync()
    {
        _database = MongoTestDatabase.Create();
        return Task.FromResult<ISubmissionStore>(new MongoSubmissionStore(_database.Database));
    }

    protected override async Task<bool> HasPayloadAsync(Guid id)
    {
        var document = await _database!.Database.GetCollection<BsonDocument>(MongoSubmissionStore.SubmissionsCollection)
            .Find(new BsonDocument("_id", new BsonBinaryData(id, GuidRepresentation.Standard))).SingleAsync(Ct);
        return document.TryGetValue("payload", out var payload) && !payload.IsBsonNull;
    }

    protected override Task CorruptPayloadAsync(Guid id) =>
        _database!.Database.GetCollection<BsonDocument>(MongoSubmissionStore.SubmissionsCollection).UpdateOneAsync(
            new BsonDocument("_id", new BsonBinaryData(id, GuidRepresentation.Standard)),
            new BsonDocument("$set", new BsonDocument("payload", "not a submission")), cancellationToken: Ct);

    protected override async ValueTask DisposeStoreAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
