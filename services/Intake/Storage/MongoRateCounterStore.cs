using System.Collections.Concurrent;
using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

/// <summary>
/// The rate-limit windows in Intake's MongoDB database, so k replicas together allow the limit once, not k times,
/// and a restart forgets nothing. Each request is one atomic update (upsert) of the client's window. Clients are
/// stored only as an HMAC under a key that changes daily and is kept encrypted with the replicas' shared key ring.
/// </summary>
public sealed class MongoRateCounterStore : IRateCounterStore
{
    public const string CountersCollection = "rateCounters";
    public const string KeysCollection = "rateLimitKeys";

    private readonly IMongoCollection<MongoRateCounterDocument> _counters;
    private readonly IMongoCollection<MongoRateLimitKeyDocument> _keys;
    private readonly IDataProtector _protector;
    private readonly MongoStoreSetup _setup;
    private readonly ConcurrentDictionary<string, byte[]> _dayKeys = new(StringComparer.Ordinal);

    public MongoRateCounterStore(IMongoDatabase database, IDataProtectionProvider protection)
    {
        _counters = database.GetCollection<MongoRateCounterDocument>(CountersCollection);
        _keys = database.GetCollection<MongoRateLimitKeyDocument>(KeysCollection);
        _protector = protection.CreateProtector("SafetyReports.Intake.RateLimitKey.v1");
        _setup = new MongoStoreSetup(ct => MongoRateCounterFilters.Migrations.RunAsync(database, ct));
    }

    public async Task<WindowAnswer> TryCountAsync(string key, int limit, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        await _setup.EnsureAsync(cancellationToken);
        var id = await IdOfAsync(key, now, cancellationToken);
        var options = new FindOneAndUpdateOptions<MongoRateCounterDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After };
        MongoRateCounterDocument document;
        try
        {
            document = await _counters.FindOneAndUpdateAsync(MongoRateCounterFilters.Counter(id), MongoRateCounterFilters.Count(limit, now, window), options, cancellationToken);
        }
        catch (Exception ex) when (MongoTransactions.IsDuplicateKey(ex))
        {
            // Two replicas inserted the client's first window at once; the other one won, so this is an update now.
            document = await _counters.FindOneAndUpdateAsync(MongoRateCounterFilters.Counter(id), MongoRateCounterFilters.Count(limit, now, window), options, cancellationToken);
        }

        return new WindowAnswer(document.Counted, document.WindowStart);
    }

    /// <summary>The counter's id: the limit and client, hashed under the day's shared key (the day changes the id, so a window may restart at midnight UTC).</summary>
    private async Task<string> IdOfAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!_dayKeys.TryGetValue(day, out var secret))
        {
            secret = await DayKeyAsync(day, now, cancellationToken);
            _dayKeys.Clear();
            _dayKeys[day] = secret;
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(key)));
    }

    private async Task<byte[]> DayKeyAsync(string day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var candidate = Convert.ToBase64String(_protector.Protect(RandomNumberGenerator.GetBytes(32)));
        var update = MongoRateCounterFilters.KeyIfAbsent(candidate, new DateTimeOffset(now.UtcDateTime.Date.AddDays(2), TimeSpan.Zero));
        var options = new FindOneAndUpdateOptions<MongoRateLimitKeyDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After };
        MongoRateLimitKeyDocument document;
        try
        {
            document = await _keys.FindOneAndUpdateAsync(d => d.Day == day, update, options, cancellationToken);
        }
        catch (Exception ex) when (MongoTransactions.IsDuplicateKey(ex))
        {
            document = await _keys.Find(d => d.Day == day).SingleAsync(cancellationToken);
        }

        return _protector.Unprotect(Convert.FromBase64String(document.ProtectedKey));
    }
}
