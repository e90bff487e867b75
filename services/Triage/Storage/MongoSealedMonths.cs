using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;
using SafetyReports.Triage.Transparency.Sealing;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// The sealed months (<c>_id</c>: the month) and their errata (<c>_id</c>: month, host, figure and sequence, so a second
/// replica's insert of the same erratum is a duplicate key and is dropped) on MongoDB, as <see cref="SqliteSealedMonths"/>.
/// </summary>
public sealed class MongoSealedMonths(IMongoDatabase database)
{
    public const string MonthsCollection = "transparencySealedMonths";
    public const string ErrataCollection = "transparencyErrata";

    private readonly IMongoCollection<BsonDocument> _months = database.GetCollection<BsonDocument>(MonthsCollection);
    private readonly IMongoCollection<BsonDocument> _errata = database.GetCollection<BsonDocument>(ErrataCollection);

    /// <summary>Errata are listed by month, then as recorded.</summary>
    public static IReadOnlyList<CreateIndexModel<BsonDocument>> ErrataIndexes { get; } =
    [
        new(Builders<BsonDocument>.IndexKeys.Ascending("month").Ascending("recordedAt"), new CreateIndexOptions { Name = "ix_errata_month_recorded" }),
    ];

    /// <summary>Migration step 6: the two collections and the errata's index.</summary>
    public static async Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        await MongoStoreSetup.CreateCollectionsAsync(database, [MonthsCollection, ErrataCollection], cancellationToken);
        await MongoSteps.CreateIndexesAsync(database, ErrataCollection, ErrataIndexes, cancellationToken);
    }

    public Task<bool> SealAsync(SealedMonth month, CancellationToken cancellationToken) =>
        MongoFirstWriteWins.InsertAsync(_months, new BsonDocument
        {
            ["_id"] = month.Month,
            ["sealedAt"] = new BsonDateTime(month.SealedAt.UtcDateTime),
            ["figures"] = month.Figures,
        }, cancellationToken);

    public async Task<IReadOnlyList<SealedMonth>> ListAsync(int from, int to, CancellationToken cancellationToken)
    {
        var filter = Builders<BsonDocument>.Filter.Gte("_id", from) & Builders<BsonDocument>.Filter.Lte("_id", to);
        var documents = await _months.Find(filter).Sort(Builders<BsonDocument>.Sort.Ascending("_id")).ToListAsync(cancellationToken);
        return documents.Select(d => new SealedMonth(d["_id"].AsInt32, Time(d["sealedAt"]), d["figures"].AsString)).ToList();
    }

    /// <summary>Each erratum once: one recorded already (by another replica) stays as it was.</summary>
    public Task<int> AddErrataAsync(IReadOnlyList<TransparencyErratum> errata, CancellationToken cancellationToken) =>
        MongoFirstWriteWins.InsertEachAsync(_errata, errata.Select(Document), cancellationToken);

    public async Task<IReadOnlyList<TransparencyErratum>> ListErrataAsync(int from, int to, CancellationToken cancellationToken)
    {
        var filter = Builders<BsonDocument>.Filter.Gte("month", from) & Builders<BsonDocument>.Filter.Lte("month", to);
        var documents = await _errata.Find(filter).ToListAsync(cancellationToken);
        return documents.Select(Erratum)
            .OrderBy(e => e.Month).ThenBy(e => e.RecordedAt).ThenBy(e => e.Host ?? "", StringComparer.Ordinal)
            .ThenBy(e => e.Figure, StringComparer.Ordinal).ThenBy(e => e.Sequence)
            .ToList();
    }

    public static BsonDocument Document(TransparencyErratum e) => new()
    {
        ["_id"] = new BsonDocument { ["month"] = e.Month, ["host"] = e.Host ?? SqliteSealedMonths.WholeAnswer, ["figure"] = e.Figure, ["seq"] = e.Sequence },
        ["month"] = e.Month,
        ["old"] = e.Old is null ? BsonNull.Value : e.Old,
        ["new"] = e.New is null ? BsonNull.Value : e.New,
        ["recordedAt"] = new BsonDateTime(e.RecordedAt.UtcDateTime),
    };

    public static TransparencyErratum Erratum(BsonDocument d)
    {
        var id = d["_id"].AsBsonDocument;
        var host = id["host"].AsString;
        return new TransparencyErratum(d["month"].AsInt32, host.Length > 0 ? host : null, id["figure"].AsString, id["seq"].AsInt32,
            d["old"].IsBsonNull ? null : d["old"].AsString, d["new"].IsBsonNull ? null : d["new"].AsString, Time(d["recordedAt"]));
    }

    private static DateTimeOffset Time(BsonValue value) => MongoFirstWriteWins.Time(value);
}
