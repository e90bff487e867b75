using MongoDB.Driver;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>What the stores' MongoDB migrations are made of: collections and indexes, each safe to create again.</summary>
public static class MongoSteps
{
    /// <summary>The indexes of <paramref name="all"/> named <paramref name="names"/>, for the step that added them.</summary>
    public static IReadOnlyList<CreateIndexModel<T>> Named<T>(IReadOnlyList<CreateIndexModel<T>> all, params string[] names) =>
        [.. all.Where(i => names.Contains(i.Options.Name, StringComparer.Ordinal))];

    /// <summary>The indexes of <paramref name="all"/> not named <paramref name="names"/>.</summary>
    public static IReadOnlyList<CreateIndexModel<T>> Except<T>(IReadOnlyList<CreateIndexModel<T>> all, params string[] names) =>
        [.. all.Where(i => !names.Contains(i.Options.Name, StringComparer.Ordinal))];

    public static async Task CreateIndexesAsync<T>(IMongoDatabase database, string collection, IReadOnlyList<CreateIndexModel<T>> indexes, CancellationToken cancellationToken)
    {
        if (indexes.Count > 0)
        {
            await database.GetCollection<T>(collection).Indexes.CreateManyAsync(indexes, cancellationToken);
        }
    }
}
