using MongoDB.Driver;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>
/// One step of a store's MongoDB history (collections, indexes, a document shape), run once in version order and recorded
/// (<see cref="MongoMigrations"/>). MongoDB cannot change indexes inside a transaction, so a step must be safe to run again:
/// creating a collection or an index that exists with the same definition does nothing, a backfill matches only documents
/// that still lack what it writes. A step that has been released never changes; a change is a new step.
/// </summary>
public sealed record MongoMigration(int Version, string Name, Func<IMongoDatabase, CancellationToken, Task> Apply);
