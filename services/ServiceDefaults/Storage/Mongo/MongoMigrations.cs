using MongoDB.Driver;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>
/// A store's MongoDB collections, indexes and document shapes as an ordered list of migrations, and what brings a database up to
/// date at start (from the store's <see cref="MongoStoreSetup"/>, which runs it once per process before the first operation).
/// The version reached is one document per store in <see cref="CollectionName"/>; each step that runs raises it, only
/// upwards, so replicas starting at once (MongoDB has no lock to hold while indexes are built) may both run a step — each
/// step is safe to run twice — and the recorded version never goes back. A database from before the record (the release before
/// it) has version 0: every step runs, and each finds what that release made and adds only what it lacked. A database whose
/// record is newer than the code is refused, as SQLite files are.
/// </summary>
public sealed class MongoMigrations
{
    public const string CollectionName = "schema_versions";

    public MongoMigrations(string store, IReadOnlyList<MongoMigration> steps)
    {
        SchemaVersions.CheckOrder([.. steps.Select(s => (s.Version, s.Name))], nameof(steps));
        Store = store;
        Steps = steps;
    }

    /// <summary>The store's name in <see cref="CollectionName"/>.</summary>
    public string Store { get; }

    public IReadOnlyList<MongoMigration> Steps { get; }

    /// <summary>The steps a database at <paramref name="recorded"/> still needs, in order; refuses a version newer than the code.</summary>
    public IReadOnlyList<MongoMigration> Pending(string database, int recorded)
    {
        SchemaVersions.RefuseNewer($"{database} ({Store})", [recorded], [.. Steps.Select(s => (s.Version, s.Name))]);
        return [.. Steps.Where(s => s.Version > recorded)];
    }

    /// <returns>The versions run now, in order.</returns>
    public async Task<IReadOnlyList<int>> RunAsync(IMongoDatabase database, CancellationToken cancellationToken, TimeProvider? clock = null)
    {
        var versions = database.GetCollection<MongoSchemaVersionDocument>(CollectionName);
        var applied = new List<int>();
        foreach (var step in Pending(database.DatabaseNamespace.DatabaseName, await RecordedVersionAsync(database, cancellationToken)))
        {
            await step.Apply(database, cancellationToken);
            try
            {
                await versions.UpdateOneAsync(Below(step), Record(step, (clock ?? TimeProvider.System).GetUtcNow()), new UpdateOptions { IsUpsert = true }, cancellationToken);
            }
            catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                // A replica starting at the same time recorded this step or a later one first.
            }

            applied.Add(step.Version);
        }

        return applied;
    }

    public async Task<int> RecordedVersionAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var document = await database.GetCollection<MongoSchemaVersionDocument>(CollectionName)
            .Find(Builders<MongoSchemaVersionDocument>.Filter.Eq(d => d.Store, Store))
            .FirstOrDefaultAsync(cancellationToken);
        return document?.Version ?? 0;
    }

    /// <summary>The store's record while it is below <paramref name="step"/>: a record never goes back to an older step.</summary>
    public FilterDefinition<MongoSchemaVersionDocument> Below(MongoMigration step) =>
        Builders<MongoSchemaVersionDocument>.Filter.Eq(d => d.Store, Store) & Builders<MongoSchemaVersionDocument>.Filter.Lt(d => d.Version, step.Version);

    public static UpdateDefinition<MongoSchemaVersionDocument> Record(MongoMigration step, DateTimeOffset at) =>
        Builders<MongoSchemaVersionDocument>.Update
            .Set(d => d.Version, step.Version)
            .Set(d => d.Name, step.Name)
            .Set(d => d.AppliedAt, at.UtcDateTime);
}
