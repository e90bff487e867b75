using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// Inserts of documents that are written once and never changed (sealed answers, errata): the <c>_id</c> is the key, and a
/// second replica's insert of the same key is a duplicate and is dropped, so the first write stays.
/// </summary>
public static class MongoFirstWriteWins
{
    /// <returns>False when a document with the same key was there already.</returns>
    public static async Task<bool> InsertAsync(IMongoCollection<BsonDocument> collection, BsonDocument document, CancellationToken cancellationToken)
    {
        try
        {
            await collection.InsertOneAsync(document, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException ex) when (MongoTransactions.IsDuplicateKey(ex))
        {
            return false;
        }
    }

    /// <returns>How many were inserted (those whose key was there already are left as they were).</returns>
    public static async Task<int> InsertEachAsync(IMongoCollection<BsonDocument> collection, IEnumerable<BsonDocument> documents, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var document in documents)
        {
            added += await InsertAsync(collection, document, cancellationToken) ? 1 : 0;
        }

        return added;
    }

    public static DateTimeOffset Time(BsonValue value) => new(value.ToUniversalTime(), TimeSpan.Zero);
}
