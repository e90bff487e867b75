using MongoDB.Driver;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>
/// Runs a unit of work in one multi-document transaction. The driver's <c>WithTransactionAsync</c>
/// retries transient errors (write conflicts, fail-overs, unknown commit results); a
/// <see cref="MongoConflictException"/> from a compare-and-swap is retried here, a bounded number of times.
/// The callback may run more than once: it must do nothing but reads and writes in the session.
/// </summary>
public static class MongoTransactions
{
    public const int MaxConflictRetries = 50;

    /// <summary>Snapshot reads, majority writes: a committed transaction survives a fail-over.</summary>
    public static readonly TransactionOptions Options = new(ReadConcern.Snapshot, ReadPreference.Primary, WriteConcern.WMajority);

    public static async Task<T> RunAsync<T>(
        IMongoClient client, Func<IClientSessionHandle, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var session = await client.StartSessionAsync(cancellationToken: cancellationToken);
            try
            {
                return await session.WithTransactionAsync(work, Options, cancellationToken);
            }
            catch (MongoConflictException) when (attempt < MaxConflictRetries)
            {
                // Back off a little, with jitter, so the writers that collided do not collide again.
                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 10)), cancellationToken);
            }
        }
    }

    /// <summary>True when a write failed on a unique index (E11000), however the driver reports it.</summary>
    public static bool IsDuplicateKey(Exception exception) => exception switch
    {
        MongoWriteException write => write.WriteError?.Category == ServerErrorCategory.DuplicateKey,
        MongoBulkWriteException bulk => bulk.WriteErrors.Any(e => e.Category == ServerErrorCategory.DuplicateKey),
        MongoCommandException command => command.Code == 11000,
        _ => false,
    };
}
