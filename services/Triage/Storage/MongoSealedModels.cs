using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;
using SafetyReports.Triage.Transparency.Sealing;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// Each host's sealed per-model answers (<c>_id</c>: month and host) and their errata (<c>_id</c>: month, host, model, figure and
/// sequence, so a second replica's insert of the same erratum is a duplicate key and is dropped) on MongoDB, as
/// <see cref="SqliteSealedMonths.ModelsSchema"/>. Month and host are also top-level fields, for the indexes that list them.
/// </summary>
public sealed class MongoSealedModels(IMongoDatabase database)
{
    public const string ModelsCollection = "transparencySealedModels";
    public const string ErrataCollection = "transparencyModelErrata";

    private readonly IMongoCollection<BsonDocument> _models = database.GetCollection<BsonDocument>(ModelsCollection);
    private readonly IMongoCollection<BsonDocument> _errata = database.GetCollection<BsonDocument>(ErrataCollection);

    public static IReadOnlyList<CreateIndexModel<BsonDocument>> ModelsIndexes { get; } =
    [
        new(Builders<BsonDocument>.IndexKeys.Ascending("month").Ascending("host"), new CreateIndexOptions { Name = "ix_sealed_models_month_host" }),
    ];

    /// <summary>Errata are listed by month, then as recorded.</summary>
    public static IReadOnlyList<CreateIndexModel<BsonDocument>> ErrataIndexes { get; } =
    [
        new(Builders<BsonDocument>.IndexKeys.Ascending("month").Ascending("recordedAt"), new CreateIndexOptions { Name = "ix_model_errata_month_recorded" }),
    ];

    /// <summary>Migration step 8: the two collections and their indexes.</summary>
    public static async Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        await MongoStoreSetup.CreateCollectionsAsync(database, [ModelsCollection, ErrataCollection], cancellationToken);
        await MongoSteps.CreateIndexesAsync(database, ModelsCollection, ModelsIndexes, cancellationToken);
        await MongoSteps.CreateIndexesAsync(database, ErrataCollection, ErrataIndexes, cancellationToken);
    }

    public Task<bool> SealAsync(SealedModels models, CancellationToken cancellationToken) =>
        MongoFirstWriteWins.InsertAsync(_models, new BsonDocument
        {
            ["_id"] = new BsonDocument { ["month"] = models.Month.Month, ["host"] = models.Host },
            ["month"] = models.Month.Month,
            ["host"] = models.Host,
            ["sealedAt"] = new BsonDateTime(models.Month.SealedAt.UtcDateTime),
            ["figures"] = models.Month.Figures,
        }, cancellationToken);

    public async Task<IReadOnlyList<SealedModels>> ListAsync(int from, int to, string? host, CancellationToken cancellationToken)
    {
        var documents = await _models.Find(Period(from, to, host)).Sort(Builders<BsonDocument>.Sort.Ascending("month").Ascending("host"))
            .ToListAsync(cancellationToken);
        return documents.Select(d => new SealedModels(d["host"].AsString, new SealedMonth(d["month"].AsInt32, Time(d["sealedAt"]), d["figures"].AsString)))
            .ToList();
    }

    /// <summary>Each erratum once: one recorded already (by another replica) stays as it was.</summary>
    public Task<int> AddErrataAsync(IReadOnlyList<ModelErratum> errata, CancellationToken cancellationToken) =>
        MongoFirstWriteWins.InsertEachAsync(_errata, errata.Select(Document), cancellationToken);

    public async Task<IReadOnlyList<ModelErratum>> ListErrataAsync(int from, int to, string? host, CancellationToken cancellationToken)
    {
        var documents = await _errata.Find(Period(from, to, host)).ToListAsync(cancellationToken);
        return documents.Select(Erratum)
            .OrderBy(e => e.Erratum.Month).ThenBy(e => e.Erratum.RecordedAt).ThenBy(e => e.Host, StringComparer.Ordinal)
            .ThenBy(e => e.Erratum.Host ?? "", StringComparer.Ordinal).ThenBy(e => e.Erratum.Figure, StringComparer.Ordinal).ThenBy(e => e.Erratum.Sequence)
            .ToList();
    }

    public static FilterDefinition<BsonDocument> Period(int from, int to, string? host)
    {
        var filter = Builders<BsonDocument>.Filter.Gte("month", from) & Builders<BsonDocument>.Filter.Lte("month", to);
        return host is null ? filter : filter & Builders<BsonDocument>.Filter.Eq("host", host);
    }

    public static BsonDocument Document(ModelErratum erratum)
    {
        var (host, e) = erratum;
        return new BsonDocument
        {
            ["_id"] = new BsonDocument
            {
                ["month"] = e.Month, ["host"] = host, ["model"] = e.Host ?? SqliteSealedMonths.WholeAnswer, ["figure"] = e.Figure, ["seq"] = e.Sequence,
            },
            ["month"] = e.Month,
            ["host"] = host,
            ["old"] = e.Old is null ? BsonNull.Value : e.Old,
            ["new"] = e.New is null ? BsonNull.Value : e.New,
            ["recordedAt"] = new BsonDateTime(e.RecordedAt.UtcDateTime),
        };
    }

    public static ModelErratum Erratum(BsonDocument d)
    {
        var id = d["_id"].AsBsonDocument;
        var model = id["model"].AsString;
        return new ModelErratum(id["host"].AsString, new TransparencyErratum(d["month"].AsInt32, model.Length > 0 ? model : null, id["figure"].AsString,
            id["seq"].AsInt32, d["old"].IsBsonNull ? null : d["old"].AsString, d["new"].IsBsonNull ? null : d["new"].AsString, Time(d["recordedAt"])));
    }

    private static DateTimeOffset Time(BsonValue value) => MongoFirstWriteWins.Time(value);
}
